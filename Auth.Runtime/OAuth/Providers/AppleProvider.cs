using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>
/// Sign in with Apple: <c>response_mode=form_post</c> (the callback is a cross-site POST), a client
/// secret signed per exchange, the ID token validated against Apple's JWKS with our nonce, and the
/// name read from the <c>user</c> form field that Apple sends on the first authorisation only.
/// Apple documents no PKCE for the web flow, so the state and nonce carry the protection.
/// </summary>
internal sealed class AppleProvider(OAuthHttp http, IdTokenValidator idTokens, TimeProvider time) : IOAuthProvider
{
    public const string AuthorizationEndpoint = "https://appleid.apple.com/auth/authorize";
    public const string TokenEndpoint = "https://appleid.apple.com/auth/token";
    public const string JwksEndpoint = "https://appleid.apple.com/auth/keys";
    public const string Issuer = "https://appleid.apple.com";

    public string Name => ProvidersSettings.AppleName;
    public bool UsesPkce => false;
    public bool UsesNonce => true;

    public bool IsConfigured(OAuthProviderSettings settings) =>
        settings is AppleProviderSettings apple && apple.Enabled && OAuthUrl.IsSet(apple.ClientId)
        && OAuthUrl.IsSet(apple.TeamId) && OAuthUrl.IsSet(apple.KeyId) && OAuthUrl.IsSet(apple.PrivateKey);

    public string BuildAuthorizationUrl(OAuthProviderSettings settings, OAuthAuthorizeRequest request) =>
        OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.AuthorizationEndpoint, AuthorizationEndpoint),
        [
            new("client_id", settings.ClientId),
            new("redirect_uri", request.CallbackUrl),
            new("response_type", "code"),
            new("response_mode", "form_post"),
            new("scope", "name email"),
            new("state", request.State),
            new("nonce", request.Nonce),
        ]);

    public async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var apple = (AppleProviderSettings)settings;
        string secret;
        try
        {
            secret = AppleClientSecret.Create(apple, time);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return OAuthHttp.Failed("The Apple private key could not be used to sign the client secret.");
        }

        var token = await http.ExchangeCodeAsync(new TokenRequest(
            OAuthUrl.Endpoint(apple.TokenEndpoint, TokenEndpoint), apple.ClientId!, secret, request.Code, request.CallbackUrl, null), ct);
        if (!token.IsSuccess) return token.Error;

        var jwksUri = OAuthUrl.Endpoint(apple.JwksEndpoint, JwksEndpoint);
        var validated = await idTokens.ValidateAsync(OAuthHttp.Text(token.Value, "id_token"),
            new IdTokenExpectations(jwksUri, [Issuer], apple.ClientId!, request.Nonce), ct);
        if (!validated.IsSuccess) return validated.Error;
        var jwt = validated.Value;
        return new OAuthProfile(Name, jwt.Subject, IdTokenValidator.Claim(jwt, "email"), IdTokenValidator.ClaimIsTrue(jwt, "email_verified"),
            NameFromUserField(request.Parameters.GetValueOrDefault("user")), null);
    }

    // {"name":{"firstName":"…","lastName":"…"},"email":"…"}; only the name is taken, the ID token is the authority on the rest.
    internal static string? NameFromUserField(string? user)
    {
        if (string.IsNullOrWhiteSpace(user)) return null;
        try
        {
            var name = (JsonNode.Parse(user) as JsonObject)?["name"] as JsonObject;
            var full = string.Join(' ', new[] { OAuthHttp.Text(name, "firstName"), OAuthHttp.Text(name, "lastName") }
                .Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()));
            return full.Length == 0 ? null : full;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
