using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>The input rules shared by the SMS-code flows.</summary>
internal static class PhoneCodeInput
{
    /// <summary>The E.164 phone and its account (null when unknown); phone auth must be enabled.</summary>
    public static async Task<Result<(string Phone, User? User)>> ResolveAsync(AuthDbContext db, AuthSettings settings, string? phone, CancellationToken ct)
    {
        if (!settings.Phone.Enabled) return SignInErrors.PhoneAuthDisabled();
        var normalized = PhoneNumber.NormalizeE164(phone);
        if (!normalized.IsSuccess) return normalized.Error;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Phone == normalized.Value, ct);
        return (normalized.Value, user);
    }

    /// <summary>Phone and code both present and well-formed, or a validation_error naming them.</summary>
    public static Result<string> CheckCodeInput(AuthSettings settings, string? phone, string? code)
    {
        if (!settings.Phone.Enabled) return SignInErrors.PhoneAuthDisabled();
        var problems = new Dictionary<string, string>();
        var normalized = PhoneNumber.NormalizeE164(phone);
        if (!normalized.IsSuccess) ValidationFields.Merge(problems, normalized.Error);
        if (string.IsNullOrWhiteSpace(code)) problems["code"] = "The code is required.";
        else if (code.Length > 32) problems["code"] = "The code is too long.";
        return problems.Count > 0 ? AuthError.Validation(problems) : normalized.Value;
    }
}
