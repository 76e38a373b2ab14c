using System.Security.Cryptography;
using System.Text;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Auth.Core.Tests.Sessions.JwtTestContext;

namespace Auth.Core.Tests.Sessions;

/// <summary>Tokens an attacker could build: each must be refused as invalid_session_token.</summary>
public sealed class JwtForgeryTests
{
    private readonly JwtTestContext _ctx = new();

    private async Task AssertInvalid(string token)
    {
        var result = await _ctx.Service.ValidateAsync(token, TokenTypes.Session);
        Assert.Equal(AuthErrors.InvalidSessionToken, result.Error?.Code);
    }

    [Fact]
    public async Task Validate_AlgNoneToken_ReturnsInvalidSessionToken()
    {
        var header = B64($$"""{"alg":"none","typ":"{{TokenTypes.Session}}"}""");
        var headerWithKid = B64($$"""{"alg":"none","typ":"{{TokenTypes.Session}}","kid":"{{_ctx.Keys.Current.KeyId}}"}""");

        await AssertInvalid($"{header}.{B64(_ctx.ValidPayloadJson())}.");
        await AssertInvalid($"{headerWithKid}.{B64(_ctx.ValidPayloadJson())}.");
    }

    [Fact]
    public async Task Validate_TamperedPayload_ReturnsInvalidSessionToken()
    {
        var parts = _ctx.Issue().Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("66322ec0a1b2c3d4e5f6a7b8", "66322ec0ffffffffffffffff", StringComparison.Ordinal);

        await AssertInvalid($"{parts[0]}.{B64(payload)}.{parts[2]}");
    }

    [Fact]
    public async Task Validate_TamperedSignature_ReturnsInvalidSessionToken()
    {
        var parts = _ctx.Issue().Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[^1] ^= 1;

        await AssertInvalid($"{parts[0]}.{parts[1]}.{B64(signature)}");
    }

    [Fact]
    public async Task Validate_SignedByAnotherKey_ReturnsInvalidSessionToken()
    {
        var stranger = new JwtTestContext();

        await AssertInvalid(stranger.Issue());
    }

    [Fact]
    public async Task Validate_AnotherKeyClaimingOurKid_ReturnsInvalidSessionToken()
    {
        // Same kid, different private key: the kid selects our key, whose signature check then fails.
        var impostorKey = SigningKeyMaterial.ImportPkcs8(_ctx.Keys.Current.KeyId, SigningKeyMaterial.Generate().ExportPkcs8PrivateKey());
        var impostor = new JwtTestContext(new InMemorySigningKeyStore(impostorKey));

        await AssertInvalid(impostor.Issue());
    }

    [Fact]
    public async Task Validate_Hs256SignedWithPublicKey_ReturnsInvalidSessionToken()
    {
        // Key confusion: an attacker knows the public key (it is in the JWKS) and uses it as an HMAC secret.
        var ecdsa = _ctx.Keys.Current.Key.ECDsa;
        var jwk = _ctx.Keys.Current.ToPublicJwk();
        byte[][] secrets =
        [
            ecdsa.ExportSubjectPublicKeyInfo(),
            Encoding.UTF8.GetBytes(ecdsa.ExportSubjectPublicKeyInfoPem()),
            Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{jwk.X}}","y":"{{jwk.Y}}"}"""),
            [.. Base64UrlEncoder.DecodeBytes(jwk.X), .. Base64UrlEncoder.DecodeBytes(jwk.Y)],
        ];
        var header = B64($$"""{"alg":"HS256","typ":"{{TokenTypes.Session}}","kid":"{{_ctx.Keys.Current.KeyId}}"}""");
        var signingInput = $"{header}.{B64(_ctx.ValidPayloadJson())}";

        foreach (var secret in secrets)
        {
            var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
            await AssertInvalid($"{signingInput}.{B64(mac)}");
        }
    }

    [Fact]
    public async Task Validate_TokenWithoutKid_ReturnsInvalidSessionToken()
    {
        var anonymousKey = new ECDsaSecurityKey(_ctx.Keys.Current.Key.ECDsa); // same key, no KeyId
        var token = Sign(anonymousKey, _ctx.ValidPayloadJson());

        Assert.Empty(new JsonWebToken(token).Kid);
        await AssertInvalid(token);
    }

    [Fact]
    public async Task Validate_TokenWithoutExpiry_ReturnsInvalidSessionToken()
    {
        var now = _ctx.Time.GetUtcNow().ToUnixTimeSeconds();
        var payload = $$"""{"sub":"u","sid":"s","iss":"{{Issuer}}","aud":"{{Audience}}","iat":{{now}},"nbf":{{now}}}""";

        await AssertInvalid(Sign(_ctx.Keys.Current.Key, payload));
    }

    [Fact]
    public async Task Validate_TokenWithoutSessionId_ReturnsInvalidSessionToken()
    {
        var now = _ctx.Time.GetUtcNow().ToUnixTimeSeconds();
        var payload = $$"""{"sub":"u","iss":"{{Issuer}}","aud":"{{Audience}}","iat":{{now}},"nbf":{{now}},"exp":{{now + 60}}}""";

        await AssertInvalid(Sign(_ctx.Keys.Current.Key, payload));
    }

    [Fact]
    public async Task Validate_CorrectlySignedHandmadeToken_IsAccepted()
    {
        // Control for the two tests above: the hand-made path itself produces acceptable tokens.
        var result = await _ctx.Service.ValidateAsync(Sign(_ctx.Keys.Current.Key, _ctx.ValidPayloadJson()), TokenTypes.Session);

        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    [Fact]
    public async Task Validate_AfterRotation_OldTokensValidUntilKeyRetired()
    {
        var oldKey = _ctx.Keys.Current;
        var oldToken = _ctx.Issue();
        _ctx.Keys.Rotate();
        var newToken = _ctx.Issue();

        Assert.NotEqual(oldKey.KeyId, new JsonWebToken(newToken).Kid);
        Assert.True((await _ctx.Service.ValidateAsync(oldToken, TokenTypes.Session)).IsSuccess);
        Assert.True((await _ctx.Service.ValidateAsync(newToken, TokenTypes.Session)).IsSuccess);

        _ctx.Keys.Retire(oldKey);
        await AssertInvalid(oldToken);
    }

    private string Sign(SecurityKey key, string payloadJson) =>
        new JsonWebTokenHandler().CreateToken(payloadJson, new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { ["typ"] = TokenTypes.Session });
}
