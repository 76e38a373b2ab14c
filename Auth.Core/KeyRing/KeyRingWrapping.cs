using System.Security.Cryptography;
using System.Xml.Linq;

namespace Auth.Core.KeyRing;

/// <summary>
/// Seals a whole key-ring element with AES-256-GCM under <c>DataProtection:Key</c>, so the ring can sit in a
/// shared database (or folder) and still be useless without the configured key. The element's text
/// (key id, dates and master key alike) is the plaintext; a fixed associated-data label binds it to this use.
/// </summary>
public static class KeyRingWrapping
{
    public static readonly XName WrappedName = XName.Get("wrappedKey", "urn:auth-studio:data-protection");
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Label = "AuthStudio.KeyRing.v1"u8.ToArray();

    public static bool IsWrapped(XElement element) => element.Name == WrappedName;

    public static XElement Wrap(XElement element, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(element);
        var plain = System.Text.Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Label);
        return new XElement(WrappedName, new XAttribute("v", "1"), Convert.ToBase64String(sealedBytes));
    }

    /// <exception cref="CryptographicException">The element was sealed with another key, or altered.</exception>
    public static XElement Unwrap(XElement element, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(element);
        var sealedBytes = Convert.FromBase64String(element.Value);
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("The wrapped key-ring element is truncated.");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Label);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException("DataProtection:Key does not open this key ring (another key, or the element was altered).", ex);
        }
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }

    /// <summary>The configured key: base64 of exactly 32 random bytes (<c>openssl rand -base64 32</c>).</summary>
    public static byte[] ParseKey(string value)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("DataProtection:Key must be base64 (e.g. the output of `openssl rand -base64 32`).");
        }
        return key.Length == KeySize
            ? key
            : throw new InvalidOperationException($"DataProtection:Key must decode to {KeySize} bytes; it decodes to {key.Length}.");
    }
}
