using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>A checked <c>{email, redirectURL}</c> request: the account (null when unknown) and the redirect to use.</summary>
internal sealed record EmailLinkTarget(User? User, string RedirectUrl);

/// <summary>The input rules shared by resend, send-magic and send-reset.</summary>
internal static class EmailLinkInput
{
    public static async Task<Result<EmailLinkTarget>> ResolveAsync(AuthDbContext db, AuthSettings settings, string? email, string? redirectUrl, CancellationToken ct)
    {
        if (!settings.Email.Enabled) return SignInErrors.EmailAuthDisabled();
        var normalized = EmailAddress.Normalize(email);
        if (!normalized.IsSuccess) return normalized.Error;
        var redirect = SignUpInput.ResolveRedirect(settings, redirectUrl, required: true);
        if (!redirect.IsSuccess) return redirect.Error;
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized.Value.Normalized, ct);
        return new EmailLinkTarget(user, redirect.Value!);
    }
}
