using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Auth.Core.Users;

/// <summary>
/// User ids shaped like a MongoDB ObjectId (24 lower-case hex characters), because clients of the Agnost client API
/// expect that <c>_id</c>: 4 bytes of big-endian Unix seconds, so ids sort roughly by creation, then
/// 8 random bytes, so they cannot be guessed or enumerated (unlike ObjectId's counter).
/// </summary>
public static class UserId
{
    public const int Length = 24;

    public static string New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Span<byte> bytes = stackalloc byte[12];
        // Wraps in 2106, like ObjectId; uniqueness rests on the random part, not the clock.
        BinaryPrimitives.WriteUInt32BigEndian(bytes, unchecked((uint)time.GetUtcNow().ToUnixTimeSeconds()));
        RandomNumberGenerator.Fill(bytes[4..]);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>True for exactly 24 lower-case hex characters.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(c => char.IsAsciiHexDigitLower(c));
}
