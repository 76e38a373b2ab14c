using System.Text;

namespace Auth.Core.Users;

/// <summary>
/// How names are folded for search: NFC, trimmed, lower-case (invariant). The stored column and the typed query go
/// through the same function, so a prefix of one is a prefix of the other in ordinal order.
/// </summary>
public static class UserSearchText
{
    public static string? NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        return name.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}
