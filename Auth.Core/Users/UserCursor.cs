using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Auth.Core.Users;

/// <summary>
/// What a keyset cursor carries: the search it belongs to, the total counted on its first page, and for each stream
/// still open the position after its last user (null: nothing read yet). A stream missing from <see cref="Open"/> is
/// exhausted.
/// </summary>
public sealed record UserCursorState(string Search, int Total, bool TotalCapped, Dictionary<string, StreamPosition?> Open);

/// <summary>
/// Seals cursors with Data Protection, so a client can hand them back but not forge or edit one: an edited cursor
/// fails to open and the request gets a clear 400 instead of a page from an arbitrary position.
/// </summary>
public sealed class UserCursorCodec(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Auth.Core.Users.UserCursor.v1");

    public string Seal(UserCursorState state) =>
        Base64UrlEncode(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(state)));

    /// <summary>The state, or null when the text is not a cursor this server sealed (edited, truncated, foreign).</summary>
    public UserCursorState? Open(string cursor)
    {
        try
        {
            var bytes = _protector.Unprotect(Base64UrlDecode(cursor));
            return JsonSerializer.Deserialize<UserCursorState>(bytes);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 1 => throw new FormatException("Bad base64url length."), _ => "" };
        return Convert.FromBase64String(s);
    }
}
