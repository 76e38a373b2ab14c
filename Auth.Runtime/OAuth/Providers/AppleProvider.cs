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
internal sealed class AppleProvider(OAuthHttp http, IdTokenValidator idTokens, TimeProvider time) : CodeFlowProvider(http)
{
    public const string JwksEndpoint = "https://appleid.apple.com/auth/keys";
    public const string Issuer = "https://appleid.apple.com";

    public override string Name => ProvidersSettings.AppleName;
    protected override string DisplayName => "Apple";
    protected override string DefaultAuthorizationEndpoint => "https://appleid.apple.com/auth/authorize";
    protected override string DefaultTokenEndpoint => "https://appleid.apple.com/auth/token";
    protected override string Scope => "name email";
    public override bool UsesPkce => false;
    public override bool UsesNonce => true;
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraAuthorizationParameters => [new("response_mode", "form_post")];

    public override bool IsConfigured(OAuthProviderSettings settings) =>
        settings is AppleProviderSettings apple && apple.Enabled && OAuthUrl.IsSet(apple.ClientId)
        && OAuthUrl.IsSet(apple.TeamId) && OAuthUrl.IsSet(apple.KeyId) && OAuthUrl.IsSet(apple.PrivateKey);

    public override async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
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

        var token = await Http.ExchangeCodeAsync(TokenRequest(apple, request) with { ClientSecret = secret }, ct);
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
