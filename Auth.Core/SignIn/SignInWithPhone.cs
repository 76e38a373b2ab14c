using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record SignInWithPhoneCommand(string? Phone, string? Password, ClientInfo Client);

/// <summary>signInWithPhone: the password first, then phone_not_verified when confirmPhone is on.</summary>
public sealed class SignInWithPhone(IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settingsReader, LocalSignIn signIn)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(SignInWithPhoneCommand command, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        if (!settings.Phone.Enabled) return SignInErrors.PhoneAuthDisabled();
        if (LocalSignIn.CheckInput("phone", command.Phone, "The phone number is required.", command.Password) is { } invalid) return invalid;

        var phone = PhoneNumber.NormalizeE164(command.Phone);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = phone.IsSuccess ? await db.Users.SingleOrDefaultAsync(u => u.Phone == phone.Value, ct) : null;
        return await signIn.SignInAsync(db, user, command.Password!,
            u => settings.Phone.ConfirmPhone && !u.PhoneVerified ? SignInErrors.PhoneNotVerified() : null, command.Client, ct);
    }
}
