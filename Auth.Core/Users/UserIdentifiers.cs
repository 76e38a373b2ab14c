using Auth.Core.Data;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

/// <summary>An operator's e-mail address or phone number, checked and keyed exactly as the runtime's sign-up does.</summary>
internal static class UserIdentifiers
{
    public static NormalizedEmail? Email(string? input, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var email = EmailAddress.Normalize(input);
        if (email.IsSuccess) return email.Value;
        ValidationFields.Merge(problems, email.Error);
        return null;
    }

    public static string? Phone(string? input, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var phone = PhoneNumber.NormalizeE164(input);
        if (phone.IsSuccess) return phone.Value;
        ValidationFields.Merge(problems, phone.Error);
        return null;
    }

    /// <summary>The error for an identifier another user already has (two unique-index seeks), or null.</summary>
    public static async Task<AuthError?> TakenAsync(AuthDbContext db, string? normalizedEmail, string? phone, string? exceptId, CancellationToken ct)
    {
        if (normalizedEmail is not null && await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail && u.Id != exceptId, ct))
            return new AuthError(AuthErrors.EmailNotUnique, "A user with this e-mail address already exists.");
        if (phone is not null && await db.Users.AnyAsync(u => u.Phone == phone && u.Id != exceptId, ct))
            return new AuthError(AuthErrors.PhoneNotUnique, "A user with this phone number already exists.");
        return null;
    }
}
