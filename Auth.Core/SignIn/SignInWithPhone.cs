using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record SignInWithPhoneCommand(string? Phone, string? Password, ClientInfo Client);

/// <summary>signInWithPhone: the password first, then phone_not_verified when confirmPhone is on.</summary>
public sealed class SignInWithPhone(
    IDbContextFactory<AuthDbContext> dbFactory,
    ISettingsReader settingsReader,
    LocalAccounts accounts,
    SessionService sessions)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(SignInWithPhoneCommand command, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        if (!settings.Phone.Enabled) return new AuthError(AuthErrors.NotAllowed, "Phone number authentication is disabled.");

        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(command.Phone)) problems["phone"] = "The phone number is required.";
        if (string.IsNullOrEmpty(command.Password)) problems["password"] = "The password is required.";
        if (problems.Count > 0) return AuthError.Validation(problems);
        if (PasswordPolicy.IsOverHardLimit(command.Password!)) return LocalAccounts.InvalidCredentials();

        var phone = PhoneNumber.NormalizeE164(command.Phone);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = phone.IsSuccess ? await db.Users.SingleOrDefaultAsync(u => u.Phone == phone.Value, ct) : null;

        if (await accounts.CheckPasswordAsync(db, user, command.Password!, ct) is { } failure) return failure;
        if (user!.Disabled) return new AuthError(AuthErrors.NotAllowed, "This account is disabled.");
        if (settings.Phone.ConfirmPhone && !user.PhoneVerified)
        {
            await db.SaveChangesAsync(ct);
            return new AuthError(AuthErrors.PhoneNotVerified, "The phone number has not been verified yet.");
        }

        var grant = sessions.Open(db, user, command.Client);
        await db.SaveChangesAsync(ct);
        return grant;
    }
}
