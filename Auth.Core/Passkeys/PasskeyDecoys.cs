using System.Security.Cryptography;
using System.Text;
using Auth.Core.Sessions;

namespace Auth.Core.Passkeys;

/// <summary>
/// The credential id handed out for an e-mail without passkeys: an HMAC of the normalised address, so one address always
/// gets the same id, on every node and after every restart (a changing id would tell it from a real account's). The HMAC
/// key is derived (HKDF) from the signing key's private half, the one secret every node already shares through the
/// Data-Protection key ring (ADR 0008); it changes only if that signing key is replaced.
/// </summary>
public sealed class PasskeyDecoys(ISigningKeyStore keys)
{
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("AuthStudio.PasskeyDecoy.v1");
    private volatile DerivedKey? _derived;

    /// <summary>16 bytes, the length of a typical platform credential id.</summary>
    public byte[] CredentialId(string normalizedEmail) =>
        HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(normalizedEmail))[..16];

    private byte[] Key()
    {
        var signing = keys.Current;
        if (_derived is { } d && d.KeyId == signing.KeyId) return d.Key;
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signing.ExportPkcs8PrivateKey(), 32, info: Info);
        _derived = new DerivedKey(signing.KeyId, key);
        return key;
    }

    private sealed record DerivedKey(string KeyId, byte[] Key);
}
