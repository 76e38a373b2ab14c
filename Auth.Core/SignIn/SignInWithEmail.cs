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
public sealed class SignInWithEmail(IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settingsReader, LocalSignIn signIn)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(SignInWithEmailCommand command, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        if (!settings.Email.Enabled) return new AuthError(AuthErrors.NotAllowed, "Sign-in with e-mail is disabled.");
        if (LocalSignIn.CheckInput("email", command.Email, "The e-mail address is required.", command.Password) is { } invalid) return invalid;

        var email = EmailAddress.Normalize(command.Email);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = email.IsSuccess
            ? await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email.Value.Normalized, ct)
            : null;
        return await signIn.SignInAsync(db, user, command.Password!,
            u => settings.Email.ConfirmEmail && !u.EmailVerified ? SignInErrors.EmailNotVerified() : null, command.Client, ct);
    }
}
