using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Auth.Core.Users;

/// <summary>
/// PBKDF2-HMAC-SHA512 password hashes in a self-describing format,
/// <c>$pbkdf2-sha512$i=210000$&lt;salt base64&gt;$&lt;hash base64&gt;</c>, so the work factor can be raised
/// without invalidating stored hashes. Thread-safe; register as a singleton.
/// </summary>
/// <remarks>
/// Passwords are NFKC-normalised before hashing (NIST SP 800-63B §5.1.1.2): the same password typed on
/// two keyboards that produce composed or decomposed accents, or full-width digits, must match.
/// </remarks>
public sealed class PasswordHasher
{
    public const int SaltSize = 16;
    public const int KeySize = 64;

    private const string Prefix = "$pbkdf2-sha512$";

    // Bounds on what a stored hash may claim, so a corrupted row cannot make one sign-in burn minutes.
    private const int MaxStoredIterations = 10_000_000;
    private const int MinStoredSaltSize = 16, MaxStoredSaltSize = 64;
    private const int MinStoredKeySize = 32, MaxStoredKeySize = 64;

    private static readonly HashAlgorithmName Algorithm = HashAlgorithmName.SHA512;
    private static readonly byte[] DummySalt = new byte[SaltSize];

    private readonly int _iterations;
    private int _derivations;

    public PasswordHasher(PasswordHashingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _iterations = options.Iterations;
    }

    /// <summary>Key derivations run so far; lets tests prove that a refused password was never hashed.</summary>
    internal int DerivationCount => Volatile.Read(ref _derivations);

    /// <summary>Hashes a password that has already passed <see cref="PasswordPolicy.Check"/>.</summary>
    /// <exception cref="ArgumentException">The password is empty, longer than
    /// <see cref="PasswordPolicy.MaxBytes"/> UTF-8 bytes or not valid Unicode (the policy refuses all three).</exception>
    public string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var normalized = Normalize(password)
            ?? throw new ArgumentException("The password is too long or not valid Unicode.", nameof(password));

        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var key = Derive(normalized, salt, _iterations, KeySize);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}i={_iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}");
    }

    /// <summary>
    /// Checks a password against a stored hash. Never throws: a malformed or unknown hash is
    /// <see cref="PasswordVerification.Failed"/>.
    /// </summary>
    public PasswordVerification Verify(string? hash, string? password)
    {
        if (ImportedPasswordHashes.IsImported(hash))
            return VerifyImported(hash!, password);
        if (string.IsNullOrEmpty(password) || !TryParse(hash, out var iterations, out var salt, out var expected))
            return PasswordVerification.Failed;

        var normalized = Normalize(password);
        if (normalized is null)
            return PasswordVerification.Failed;

        var actual = Derive(normalized, salt, iterations, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
            return PasswordVerification.Failed;

        var outdated = iterations < _iterations || salt.Length != SaltSize || expected.Length != KeySize;
        return outdated ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Success;
    }

    /// <summary>True when <paramref name="stored"/> is a well-formed hash in this hasher's format (any parameters).</summary>
    public static bool IsOwnFormat(string? stored) => TryParse(stored, out _, out _, out _);

    /// <summary>
    /// An imported hash (ADR 0020) is always followed by one derivation at our parameters: on success the caller's
    /// rehash, on failure a dummy. So a wrong password costs at least what an unknown account costs (ADR 0007).
    /// </summary>
    private PasswordVerification VerifyImported(string hash, string? password)
    {
        if (!string.IsNullOrEmpty(password) && Normalize(password) is not null && ImportedPasswordHashes.Verify(hash, password))
            return PasswordVerification.SuccessRehashNeeded;
        VerifyDummy(password);
        return PasswordVerification.Failed;
    }

    /// <summary>
    /// Spends the same time as a <see cref="Verify"/> at current parameters, for sign-ins of unknown
    /// users: otherwise the response time tells an attacker which accounts exist.
    /// </summary>
    public void VerifyDummy(string? password)
    {
        var normalized = string.IsNullOrEmpty(password) ? null : Normalize(password);
        if (normalized is not null)
            _ = Derive(normalized, DummySalt, _iterations, KeySize);
    }

    private byte[] Derive(string password, byte[] salt, int iterations, int length)
    {
        Interlocked.Increment(ref _derivations);
        return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, Algorithm, length);
    }

    /// <summary>NFKC form, or null when the password is too long (checked before any work) or not valid UTF-16.</summary>
    private static string? Normalize(string password)
    {
        if (Encoding.UTF8.GetByteCount(password) > PasswordPolicy.MaxBytes)
            return null;
        try
        {
            return password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return null; // lone surrogate
        }
    }

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] key)
    {
        iterations = 0;
        salt = key = [];
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
            return false;

        var parts = stored[Prefix.Length..].Split('$');
        if (parts.Length != 3 || !parts[0].StartsWith("i=", StringComparison.Ordinal)
            || !int.TryParse(parts[0].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < 1 or > MaxStoredIterations)
            return false;

        return TryDecode(parts[1], MinStoredSaltSize, MaxStoredSaltSize, out salt)
            && TryDecode(parts[2], MinStoredKeySize, MaxStoredKeySize, out key);
    }

    private static bool TryDecode(string base64, int minBytes, int maxBytes, out byte[] bytes)
    {
        bytes = [];
        Span<byte> buffer = stackalloc byte[maxBytes];
        if (base64.Length > (maxBytes + 2) / 3 * 4 || !Convert.TryFromBase64String(base64, buffer, out var written)
            || written < minBytes)
            return false;
        bytes = buffer[..written].ToArray();
        return true;
    }
}
