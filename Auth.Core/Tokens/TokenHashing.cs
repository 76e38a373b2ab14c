using System.Security.Cryptography;
using System.Text;

namespace Auth.Core.Tokens;

/// <summary>CSPRNG token material and the SHA-256 form stored in place of it.</summary>
public static class TokenHashing
{
    /// <summary>Random hex of <paramref name="bytes"/> bytes (bytes × 8 bits of entropy).</summary>
    public static string RandomHex(int bytes) =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>
    /// Tokens carry ≥ 128 random bits, so a fast unsalted hash is enough: nothing to brute-force,
    /// and it lets a lookup find the row by its hash.
    /// </summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
