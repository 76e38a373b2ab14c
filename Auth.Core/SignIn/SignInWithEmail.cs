using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record SignInWithEmailCommand(string? Email, string? Password, ClientInfo Client);

/// <summary>
/// signInWithEmail. The password is checked first, so email_not_verified is only ever
/// said to a caller who proved the password; everyone else gets invalid_credentials.
/// </summary>
public sealed class SignInWithEmail(
    IDbContextFactory<AuthDbContext> dbFactory,
    ISettingsReader settingsReader,
    LocalAccounts accounts,
    SessionService sessions)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(SignInWithEmailCommand command, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        if (!settings.Email.Enabled) return new AuthError(AuthErrors.NotAllowed, "Sign-in with e-mail is disabled.");

        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(command.Email)) problems["email"] = "The e-mail address is required.";
        if (string.IsNullOrEmpty(command.Password)) problems["password"] = "The password is required.";
        if (problems.Count > 0) return AuthError.Validation(problems);
        if (PasswordPolicy.IsOverHardLimit(command.Password!)) return LocalAccounts.InvalidCredentials();

        var email = EmailAddress.Normalize(command.Email);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = email.IsSuccess
            ? await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email.Value.Normalized, ct)
            : null;

        if (await accounts.CheckPasswordAsync(db, user, command.Password!, ct) is { } failure) return failure;
        if (user!.Disabled) return new AuthError(AuthErrors.NotAllowed, "This account is disabled.");
        if (settings.Email.ConfirmEmail && !user.EmailVerified)
        {
            await db.SaveChangesAsync(ct);
            return new AuthError(AuthErrors.EmailNotVerified, "The e-mail address has not been verified yet.");
        }

        var grant = sessions.Open(db, user, command.Client);
        await db.SaveChangesAsync(ct);
        return grant;
    }
}
