using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>Google: OpenID Connect code flow with PKCE and a nonce; the ID token is validated against Google's JWKS.</summary>
internal sealed class GoogleProvider(OAuthHttp http, IdTokenValidator idTokens) : IOAuthProvider
{
    public const string AuthorizationEndpoint = "https://accounts.google.com/o/oauth2/v2/auth";
    public const string TokenEndpoint = "https://oauth2.googleapis.com/token";
    public const string UserInfoEndpoint = "https://openidconnect.googleapis.com/v1/userinfo";
    public const string JwksEndpoint = "https://www.googleapis.com/oauth2/v3/certs";
    public static readonly string[] Issuers = ["https://accounts.google.com", "accounts.google.com"];

    public string Name => ProvidersSettings.GoogleName;
    public bool UsesPkce => true;
    public bool UsesNonce => true;

    public bool IsConfigured(OAuthProviderSettings settings) =>
        settings.Enabled && OAuthUrl.IsSet(settings.ClientId) && OAuthUrl.IsSet(settings.ClientSecret);

    public string BuildAuthorizationUrl(OAuthProviderSettings settings, OAuthAuthorizeRequest request) =>
        OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.AuthorizationEndpoint, AuthorizationEndpoint),
        [
            new("client_id", settings.ClientId),
            new("redirect_uri", request.CallbackUrl),
            new("response_type", "code"),
            new("scope", "openid email profile"),
            new("state", request.State),
            new("nonce", request.Nonce),
            new("code_challenge", request.CodeChallenge),
            new("code_challenge_method", request.CodeChallenge is null ? null : Pkce.Method),
        ]);

    public async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var token = await http.ExchangeCodeAsync(new TokenRequest(
            OAuthUrl.Endpoint(settings.TokenEndpoint, TokenEndpoint), settings.ClientId!, settings.ClientSecret,
            request.Code, request.CallbackUrl, request.CodeVerifier), ct);
        if (!token.IsSuccess) return token.Error;

        if (OAuthHttp.Text(token.Value, "id_token") is { } idToken)
        {
            var jwksUri = OAuthUrl.Endpoint((settings as OpenIdProviderSettings)?.JwksEndpoint, JwksEndpoint);
            var validated = await idTokens.ValidateAsync(idToken, new IdTokenExpectations(jwksUri, Issuers, settings.ClientId!, request.Nonce), ct);
            if (!validated.IsSuccess) return validated.Error;
            var jwt = validated.Value;
            return new OAuthProfile(Name, jwt.Subject, IdTokenValidator.Claim(jwt, "email"), IdTokenValidator.ClaimIsTrue(jwt, "email_verified"),
                IdTokenValidator.Claim(jwt, "name"), IdTokenValidator.Claim(jwt, "picture"));
        }

        // No ID token (not expected with the openid scope): the userinfo endpoint says the same things.
        if (OAuthHttp.Text(token.Value, "access_token") is not { } accessToken) return OAuthHttp.Failed("Google sent no access token.");
        var info = await http.GetJsonAsync(OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint), accessToken, ct);
        if (!info.IsSuccess) return info.Error;
        var user = info.Value as JsonObject;
        if (OAuthHttp.Text(user, "sub") is not { } sub) return OAuthHttp.Failed("Google's userinfo has no subject.");
        return new OAuthProfile(Name, sub, OAuthHttp.Text(user, "email"), user?["email_verified"] is JsonValue v && v.TryGetValue<bool>(out var verified) && verified,
            OAuthHttp.Text(user, "name"), OAuthHttp.Text(user, "picture"));
    }
}
