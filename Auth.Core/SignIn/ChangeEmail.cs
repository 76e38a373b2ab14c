using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record ChangeEmailCommand(string UserId, string? Password, string? NewEmail, string? RedirectUrl);

/// <summary>
/// POST /auth/change-email: after the current password, sends confirm_email_change to the new address.
/// The account keeps its old address until that link is verified (whatever confirmEmail says).
/// </summary>
public sealed class ChangeEmail(IDbContextFactory<AuthDbContext> dbFactory, LocalAccounts accounts, TokenMessages messages)
{
    public async Task<Result<Unit>> ExecuteAsync(ChangeEmailCommand command, CancellationToken ct = default)
    {
        var settings = messages.Settings;
        if (!settings.Email.Enabled) return SignInErrors.EmailAuthDisabled();
        var problems = new Dictionary<string, string>();
        var email = EmailAddress.Normalize(command.NewEmail, "newEmail");
        if (!email.IsSuccess) ValidationFields.Merge(problems, email.Error);
        if (string.IsNullOrEmpty(command.Password)) problems["password"] = "The current password is required.";
        if (problems.Count > 0) return AuthError.Validation(problems);
        var redirect = SignUpInput.ResolveRedirect(settings, command.RedirectUrl, required: true);
        if (!redirect.IsSuccess) return redirect.Error;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, ct);
        if (user is null) return new AuthError(AuthErrors.UserNotFound, "The user no longer exists.");
        if (await accounts.CheckPasswordAsync(db, user, command.Password!, ct) is { } failure) return failure;
        if (user.NormalizedEmail == email.Value.Normalized)
            return AuthError.Validation("newEmail", "This is already the account's e-mail address.");
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.Value.Normalized, ct))
            return SignInErrors.EmailTaken();

        var failed = await messages.CommitAsync(db, () => messages.QueueLinkAsync(
            db, user, TokenPurposes.ChangeEmail, MessageType.ConfirmEmailChange, email.Value.Display, redirect.Value!, ct), ct);
        return failed is null ? Unit.Value : failed;
    }
}
