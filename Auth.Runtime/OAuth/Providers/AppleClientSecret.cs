using System.Security.Cryptography;
using Auth.Core.Settings;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>
/// Sign in with Apple has no static client secret: it is an ES256 JWT signed with the team's .p8 key
/// (iss = team id, sub = Services ID, aud = Apple, kid = key id), made fresh for each code exchange.
/// </summary>
internal static class AppleClientSecret
{
    public const string Audience = "https://appleid.apple.com";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Create(AppleProviderSettings settings, TimeProvider time)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(settings.PrivateKey);
        // The key object dies with this call, so the library must not cache a signer built on it.
        var key = new ECDsaSecurityKey(ecdsa)
        {
            KeyId = settings.KeyId,
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.TeamId,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = settings.ClientId! },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
