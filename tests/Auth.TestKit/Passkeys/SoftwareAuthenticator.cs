using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth.TestKit.Passkeys;

/// <summary>
/// A software passkey for tests: one ES256 key, "none" attestation, real authenticatorData (rpIdHash, flags,
/// counter, attested credential data with a COSE key) and real signatures, so the server verifies genuine bytes.
/// It answers the JSON options the runtime hands out with the PublicKeyCredential JSON a browser client sends.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01, UserVerified = 0x04, AttestedData = 0x40;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);
    public uint SignCount { get; set; }
    public byte[]? UserHandle { get; private set; }
    /// <summary>Whether the user is verified (PIN, biometrics) in the ceremonies that follow.</summary>
    public bool VerifiesUser { get; set; } = true;

    /// <summary>Answers creation options; <paramref name="rpId"/> overrides the options' rp.id (to forge a wrong RP).</summary>
    public JsonObject Create(JsonNode options, string origin, string? rpId = null)
    {
        UserHandle = Base64Url.DecodeFromChars(options["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData("webauthn.create", options, origin);
        var authData = AuthenticatorData(rpId ?? options["rp"]!["id"]!.GetValue<string>(), attested: true);
        var attestation = new TinyCbor().Map(3)
            .Text("fmt").Text("none")
            .Text("attStmt").Map(0)
            .Text("authData").Bytes(authData)
            .ToArray();
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = B64(clientData),
            ["attestationObject"] = B64(attestation),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>Answers request options; the counter moves on by one first unless the test set it.</summary>
    public JsonObject Get(JsonNode options, string origin, string? rpId = null, bool advanceCounter = true)
    {
        if (advanceCounter) SignCount++;
        var clientData = ClientData("webauthn.get", options, origin);
        var authData = AuthenticatorData(rpId ?? options["rpId"]!.GetValue<string>(), attested: false);
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = B64(clientData),
            ["authenticatorData"] = B64(authData),
            ["signature"] = B64(signature),
            ["userHandle"] = UserHandle is null ? null : B64(UserHandle),
        });
    }

    private JsonObject Credential(JsonObject response) => new()
    {
        ["id"] = B64(CredentialId),
        ["rawId"] = B64(CredentialId),
        ["type"] = "public-key",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
    };

    private static byte[] ClientData(string type, JsonNode options, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type, challenge = options["challenge"]!.GetValue<string>(), origin, crossOrigin = false });

    // rpIdHash (32) | flags (1) | signCount (4, big-endian) [| aaguid (16) | credIdLen (2) | credId | COSE key]
    private byte[] AuthenticatorData(string rpId, bool attested)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        data.Add((byte)(UserPresent | (VerifiesUser ? UserVerified : 0) | (attested ? AttestedData : 0)));
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, SignCount);
        data.AddRange(counter);
        if (!attested) return [.. data];
        data.AddRange(new byte[16]);
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
        data.AddRange(length);
        data.AddRange(CredentialId);
        data.AddRange(CoseKey());
        return [.. data];
    }

    // COSE_Key EC2 P-256 for ES256, keys in canonical order: 1 (kty), 3 (alg), -1 (crv), -2 (x), -3 (y).
    private byte[] CoseKey()
    {
        var p = _key.ExportParameters(includePrivateParameters: false).Q;
        return new TinyCbor().Map(5).Int(1).Int(2).Int(3).Int(-7).Int(-1).Int(1).Int(-2).Bytes(p.X).Int(-3).Bytes(p.Y).ToArray();
    }

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public void Dispose() => _key.Dispose();
}
