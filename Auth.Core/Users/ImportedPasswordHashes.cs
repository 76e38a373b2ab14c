using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Auth.Core.Users;

/// <summary>
/// Password hashes made by other systems and brought in by a user import (ADR 0020): ASP.NET Core Identity's V3 format,
/// stored as <c>$identity-v3$&lt;Identity's base64&gt;</c>, and bcrypt, stored as its own modular-crypt string
/// (<c>$2a$</c>, <c>$2b$</c>, <c>$2y$</c> name the format already). They are only ever verified, never produced: the first
/// successful sign-in replaces them with <see cref="PasswordHasher"/>'s format.
/// </summary>
public static partial class ImportedPasswordHashes
{
    public const string IdentityV3Tag = "$identity-v3$";

    /// <summary>The names an import file may give in <c>passwordHashFormat</c>.</summary>
    public const string Pbkdf2 = "pbkdf2", IdentityV3 = "identity-v3", Bcrypt = "bcrypt";

    // As for our own hashes: a stored hash may not make one sign-in burn minutes. bcrypt 14 is ~1 s on a server core.
    private const int MaxIterations = 10_000_000;
    private const int MinBcryptCost = 4, MaxBcryptCost = 14;
    private const int MaxIdentityBytes = 13 + 64 + 64;

    /// <summary>True when <paramref name="stored"/> is in a format only verified here (Identity V3 or bcrypt).</summary>
    public static bool IsImported(string? stored) =>
        stored is not null && (stored.StartsWith(IdentityV3Tag, StringComparison.Ordinal) || BcryptShape().IsMatch(stored));

    /// <summary>Which imported format <paramref name="stored"/> is in (for reports), or null.</summary>
    public static string? FormatOf(string? stored) =>
        stored is null ? null
        : stored.StartsWith(IdentityV3Tag, StringComparison.Ordinal) ? IdentityV3
        : BcryptShape().IsMatch(stored) ? Bcrypt
        : PasswordHasher.IsOwnFormat(stored) ? Pbkdf2 : null;

    /// <summary>
    /// The form to store for a hash an import file brings, or null when it is not a well-formed hash of
    /// <paramref name="format"/> (null or empty: recognised from its shape). Identity's hashes come as its base64.
    /// </summary>
    public static string? ToStored(string? format, string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        format = string.IsNullOrWhiteSpace(format) ? Detect(hash) : format.Trim().ToLowerInvariant();
        return format switch
        {
            Pbkdf2 when PasswordHasher.IsOwnFormat(hash) => hash,
            Bcrypt when BcryptShape().IsMatch(hash) && BcryptCostAllowed(hash) => hash,
            IdentityV3 when TryParseIdentity(StripTag(hash), out _, out _, out _, out _) => IdentityV3Tag + StripTag(hash),
            _ => null,
        };
    }

    /// <summary>Checks <paramref name="password"/> (as typed: the other system hashed it unnormalised). Never throws.</summary>
    public static bool Verify(string stored, string password)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(password);
        if (stored.StartsWith(IdentityV3Tag, StringComparison.Ordinal))
            return VerifyIdentity(stored[IdentityV3Tag.Length..], password);
        if (!BcryptShape().IsMatch(stored) || !BcryptCostAllowed(stored)) return false;
        try
        {
            return BCrypt.Net.BCrypt.Verify(password, stored);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }

    /// <summary>Exactly Identity's <c>VerifyHashedPasswordV3</c>: any PRF it knows, salt and subkey of at least 128 bits.</summary>
    private static bool VerifyIdentity(string base64, string password)
    {
        if (!TryParseIdentity(base64, out var prf, out var iterations, out var salt, out var expected)) return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, prf, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParseIdentity(string base64, out HashAlgorithmName prf, out int iterations, out byte[] salt, out byte[] subkey)
    {
        prf = default;
        iterations = 0;
        salt = subkey = [];
        Span<byte> bytes = stackalloc byte[MaxIdentityBytes];
        if (base64.Length > (MaxIdentityBytes + 2) / 3 * 4 || !Convert.TryFromBase64String(base64, bytes, out var length)
            || length < 13 || bytes[0] != 0x01)
            return false;
        var data = bytes[..length];
        // Identity's KeyDerivationPrf: 0 HMACSHA1, 1 HMACSHA256, 2 HMACSHA512; numbers in network byte order.
        var prfId = BinaryPrimitives.ReadUInt32BigEndian(data[1..]);
        var iter = BinaryPrimitives.ReadUInt32BigEndian(data[5..]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(data[9..]);
        if (prfId > 2 || iter is < 1 or > MaxIterations || saltLength < 16 || saltLength > length - 13 - 16)
            return false;
        prf = prfId switch { 0 => HashAlgorithmName.SHA1, 1 => HashAlgorithmName.SHA256, _ => HashAlgorithmName.SHA512 };
        iterations = (int)iter;
        salt = data.Slice(13, (int)saltLength).ToArray();
        subkey = data[(13 + (int)saltLength)..].ToArray();
        return true;
    }

    private static string? Detect(string hash) =>
        hash.StartsWith("$pbkdf2-", StringComparison.Ordinal) ? Pbkdf2
        : hash.StartsWith("$2", StringComparison.Ordinal) ? Bcrypt
        : IdentityV3;

    private static string StripTag(string hash) =>
        hash.StartsWith(IdentityV3Tag, StringComparison.Ordinal) ? hash[IdentityV3Tag.Length..] : hash;

    private static bool BcryptCostAllowed(string hash) =>
        int.TryParse(hash.AsSpan(4, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cost)
        && cost is >= MinBcryptCost and <= MaxBcryptCost;

    [GeneratedRegex(@"^\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}$", RegexOptions.CultureInvariant)]
    private static partial Regex BcryptShape();
}
