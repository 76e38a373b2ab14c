using System.Text.Json.Nodes;
using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record SignUpWithPhoneCommand(string? Phone, string? Password, string? Name, JsonObject? UserData, ClientInfo Client);

/// <summary>signUpWithPhone: phone auth must be enabled; with confirmPhone on the user waits unverified.</summary>
public sealed class SignUpWithPhone(
    IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settingsReader, LocalSignUp signUp, TokenMessages messages)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(SignUpWithPhoneCommand command, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        if (!settings.Phone.Enabled) return SignInErrors.PhoneAuthDisabled();

        var phone = PhoneNumber.NormalizeE164(command.Phone);
        if (signUp.CheckInput(phone.Error, command.Password, command.Name, command.UserData) is { } invalid) return invalid;
        if (PhoneNumberPolicy.Check(settings.Phone, phone.Value) is { } blocked) return blocked; // even when no code is texted

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.Phone == phone.Value, ct)) return SignInErrors.PhoneTaken();

        var user = signUp.NewUser(command.Name, command.UserData, command.Password!);
        user.Phone = phone.Value;
        Func<Task<AuthError?>>? confirmation = settings.Phone.ConfirmPhone
            ? () => messages.QueueCodeAsync(db, user, TokenPurposes.VerifyPhone, ActionTypes.VerifyPhone, MessageType.VerifySmsCode, user.Phone, ct)
            : null;
        return await signUp.SaveAsync(db, user, confirmation, command.Client, SignInErrors.PhoneTaken, ct);
    }
}
