using Auth.Core.Errors;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Runtime.OAuth;

/// <summary>What an ID token must satisfy: signed by a key from <see cref="JwksUri"/>, from one of the issuers, for us, and carrying our nonce.</summary>
internal sealed record IdTokenExpectations(string JwksUri, IReadOnlyList<string> Issuers, string Audience, string? Nonce);

/// <summary>
/// OpenID Connect ID token validation (Google, Apple): RS256 signature from the provider's JWKS,
/// issuer, audience, expiry (on the injected clock) and nonce. Any failure is <c>oauth_failed</c>.
/// </summary>
internal sealed class IdTokenValidator(JwksCache jwks, TimeProvider time)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = 16 * 1024 };

    public async Task<Result<JsonWebToken>> ValidateAsync(string? idToken, IdTokenExpectations expected, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(idToken)) return OAuthHttp.Failed("The provider sent no ID token.");

        string? keyId;
        try
        {
            keyId = _handler.ReadJsonWebToken(idToken).Kid;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return Invalid("it is malformed");
        }

        IReadOnlyList<SecurityKey> keys;
        try
        {
            keys = await jwks.GetKeysAsync(expected.JwksUri, keyId, ct);
        }
        catch (HttpRequestException)
        {
            return OAuthHttp.Failed("The provider's signing keys could not be fetched.");
        }

        var parameters = new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = true,
            ValidIssuers = expected.Issuers,
            ValidateAudience = true,
            RequireAudience = true,
            ValidAudience = expected.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = keyId is null ? keys : keys.Where(k => k.KeyId == keyId).ToList(),
            TryAllIssuerSigningKeys = keyId is null,
        };

        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(idToken, parameters);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return Invalid("it could not be validated");
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt) return Invalid(Describe(result.Exception));
        if (string.IsNullOrEmpty(jwt.Subject)) return Invalid("it has no subject");
        if (!AuthorizedPartyMatches(jwt, expected.Audience)) return Invalid("it was issued to another party (azp)");
        if (expected.Nonce is not null
            && (!jwt.TryGetPayloadValue<string>("nonce", out var nonce) || !string.Equals(nonce, expected.Nonce, StringComparison.Ordinal)))
            return Invalid("its nonce does not match");
        return jwt;
    }

    /// <summary>
    /// OIDC Core 3.1.3.7: a token for several audiences must name us as its authorized party, and an
    /// <c>azp</c> that names someone else is never ours, whatever the audience says.
    /// </summary>
    private static bool AuthorizedPartyMatches(JsonWebToken jwt, string clientId)
    {
        var azp = jwt.TryGetPayloadValue<string>("azp", out var party) ? party : null;
        if (azp is not null) return string.Equals(azp, clientId, StringComparison.Ordinal);
        return jwt.Audiences.Count() <= 1;
    }

    private static AuthError Invalid(string why) => OAuthHttp.Failed($"The provider's ID token was refused: {why}.");

    private static string Describe(Exception? ex) => ex switch
    {
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException => "expired",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenInvalidAlgorithmException => "wrong algorithm",
        _ => "invalid",
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is not { } exp) return false;
        var now = time.GetUtcNow().UtcDateTime;
        if (notBefore is { } nbf && nbf > now + ClockSkew) return false;
        return exp > now - ClockSkew;
    }

    /// <summary>A boolean claim that providers send as true or as "true" (Apple).</summary>
    public static bool ClaimIsTrue(JsonWebToken jwt, string name) =>
        (jwt.TryGetPayloadValue<bool>(name, out var flag) && flag)
        || (jwt.TryGetPayloadValue<string>(name, out var text) && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));

    public static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
