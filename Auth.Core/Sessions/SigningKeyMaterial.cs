using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Core.Sessions;

/// <summary>
/// One P-256 signing key and its <c>kid</c>. Deliberately not disposable: IdentityModel caches signature
/// providers per key, so disposing a key that a cached provider still holds would break validation;
/// keys live as long as the process (rotation is rare and the old key stays valid for a while anyway).
/// </summary>
public sealed class SigningKeyMaterial
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private const string P256Oid = "1.2.840.10045.3.1.7";

    private SigningKeyMaterial(string keyId, ECDsa ecdsa)
    {
        KeyId = keyId;
        Key = new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
    }

    /// <summary>The JWT/JWK <c>kid</c>.</summary>
    public string KeyId { get; }

    public ECDsaSecurityKey Key { get; }

    /// <summary>A new P-256 key whose kid is the base64url form of 16 random bytes.</summary>
    public static SigningKeyMaterial Generate() =>
        new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)), ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Re-creates a key from <see cref="ExportPkcs8PrivateKey"/> output.</summary>
    /// <exception cref="CryptographicException">The bytes are not exactly one PKCS#8 P-256 private key.</exception>
    public static SigningKeyMaterial ImportPkcs8(string keyId, ReadOnlySpan<byte> pkcs8PrivateKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(pkcs8PrivateKey, out var read);
            if (read != pkcs8PrivateKey.Length)
                throw new CryptographicException("Trailing data after the PKCS#8 private key.");
            // ES256 means P-256; a key on another curve would sign tokens no verifier accepts.
            if (ecdsa.ExportParameters(false).Curve.Oid.Value != P256Oid)
                throw new CryptographicException("The signing key is not on the P-256 curve.");
            return new SigningKeyMaterial(keyId, ecdsa);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    /// <summary>The private key as PKCS#8 DER, for storing (encrypted) in the database.</summary>
    public byte[] ExportPkcs8PrivateKey() => Key.ECDsa.ExportPkcs8PrivateKey();

    /// <summary>The public half for the JWKS document. Never contains <c>d</c>.</summary>
    public JsonWebKey ToPublicJwk()
    {
        var point = Key.ECDsa.ExportParameters(includePrivateParameters: false).Q;
        return new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            Crv = JsonWebKeyECTypes.P256,
            X = Base64UrlEncoder.Encode(point.X),
            Y = Base64UrlEncoder.Encode(point.Y),
            Kid = KeyId,
            Use = JsonWebKeyUseNames.Sig,
            Alg = Algorithm,
        };
    }
}
