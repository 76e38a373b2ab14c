using System.Security.Cryptography;
using Auth.Core.Sessions;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Core.Tests.Sessions;

public sealed class SigningKeyMaterialTests
{
    [Fact]
    public void Generate_CreatesP256KeyWithRandomBase64UrlKid()
    {
        var first = SigningKeyMaterial.Generate();
        var second = SigningKeyMaterial.Generate();

        Assert.Matches("^[A-Za-z0-9_-]{22}$", first.KeyId); // 16 bytes, unpadded base64url
        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.Equal(first.KeyId, first.Key.KeyId);
        Assert.Equal(256, first.Key.ECDsa.KeySize);
    }

    [Fact]
    public void ExportThenImport_KeepsTheSameKey()
    {
        var original = SigningKeyMaterial.Generate();

        var imported = SigningKeyMaterial.ImportPkcs8(original.KeyId, original.ExportPkcs8PrivateKey());

        var data = "signed data"u8.ToArray();
        Assert.True(original.Key.ECDsa.VerifyData(data, imported.Key.ECDsa.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
        Assert.Equal(original.ToPublicJwk().X, imported.ToPublicJwk().X);
        Assert.Equal(original.KeyId, imported.KeyId);
    }

    [Fact]
    public void ImportPkcs8_NotAP256Key_Throws()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.ThrowsAny<CryptographicException>(() => SigningKeyMaterial.ImportPkcs8("kid", p384.ExportPkcs8PrivateKey()));
        Assert.ThrowsAny<CryptographicException>(() => SigningKeyMaterial.ImportPkcs8("kid", "not a key"u8));
        Assert.ThrowsAny<CryptographicException>(() =>
            SigningKeyMaterial.ImportPkcs8("kid", [.. SigningKeyMaterial.Generate().ExportPkcs8PrivateKey(), 0]));
    }

    [Fact]
    public void ToPublicJwk_HasPublicPartsOnly()
    {
        var key = SigningKeyMaterial.Generate();

        var jwk = key.ToPublicJwk();

        Assert.Equal("EC", jwk.Kty);
        Assert.Equal("P-256", jwk.Crv);
        Assert.Equal("sig", jwk.Use);
        Assert.Equal("ES256", jwk.Alg);
        Assert.Equal(key.KeyId, jwk.Kid);
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(jwk.X).Length);
        Assert.Equal(32, Base64UrlEncoder.DecodeBytes(jwk.Y).Length);
        Assert.Null(jwk.D);
        Assert.False(jwk.HasPrivateKey);
    }

    [Fact]
    public void JwtOptions_ClockSkewAbove60Seconds_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JwtOptions { ClockSkew = TimeSpan.FromSeconds(61) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new JwtOptions { ClockSkew = TimeSpan.FromSeconds(-1) });
        Assert.Equal(TimeSpan.FromSeconds(60), new JwtOptions().ClockSkew);
    }
}
