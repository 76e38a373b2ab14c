using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>Google: OpenID Connect code flow with PKCE and a nonce; the ID token is validated against Google's JWKS.</summary>
internal sealed class GoogleProvider(OAuthHttp http, IdTokenValidator idTokens) : CodeFlowProvider(http)
{
    public const string UserInfoEndpoint = "https://openidconnect.googleapis.com/v1/userinfo";
    public const string JwksEndpoint = "https://www.googleapis.com/oauth2/v3/certs";
    public static readonly string[] Issuers = ["https://accounts.google.com", "accounts.google.com"];

    public override string Name => ProvidersSettings.GoogleName;
    protected override string DisplayName => "Google";
    protected override string DefaultAuthorizationEndpoint => "https://accounts.google.com/o/oauth2/v2/auth";
    protected override string DefaultTokenEndpoint => "https://oauth2.googleapis.com/token";
    protected override string Scope => "openid email profile";
    public override bool UsesNonce => true;

    public override async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var token = await ExchangeCodeAsync(settings, request, ct);
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
        var accessToken = AccessToken(token.Value);
        if (!accessToken.IsSuccess) return accessToken.Error;
        var info = await Http.GetJsonAsync(OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint), accessToken.Value, ct);
        if (!info.IsSuccess) return info.Error;
        var user = info.Value as JsonObject;
        if (OAuthHttp.Text(user, "sub") is not { } sub) return OAuthHttp.Failed("Google's userinfo has no subject.");
        return new OAuthProfile(Name, sub, OAuthHttp.Text(user, "email"), OAuthHttp.IsTrue(user, "email_verified"),
            OAuthHttp.Text(user, "name"), OAuthHttp.Text(user, "picture"));
    }
}
