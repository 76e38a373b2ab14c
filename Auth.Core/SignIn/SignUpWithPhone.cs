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
        var existing = await db.Users.SingleOrDefaultAsync(u => u.Phone == phone.Value, ct);
        var user = signUp.NewUser(command.Name, command.UserData, command.Password!);
        user.Phone = phone.Value;
        var confirm = settings.Phone.ConfirmPhone;

        // A number nobody proved is no one's yet: a new sign-up replaces that account (ADR 0007). The owner of a
        // taken number gets no SMS about it: texts cost money and would make this endpoint an SMS pump.
        if (existing is not null && !(confirm && SignUpProof.IsReplaceable(existing)))
            return await signUp.AnswerTakenAsync(db, user, confirm, MessageType.VerifySmsCode, notice: null,
                new SendProbe(OutboxChannel.Sms, TokenPurposes.VerifyPhone, user.Phone), SignInErrors.PhoneTaken, ct);

        Func<Task<AuthError?>>? confirmation = confirm
            ? () => messages.QueueCodeAsync(db, user, TokenPurposes.VerifyPhone, ActionTypes.VerifyPhone, MessageType.VerifySmsCode, user.Phone, ct,
                SignUpProof.Mark(user))
            : null;
        return await signUp.SaveAsync(db, user, existing, confirmation, command.Client, SignInErrors.PhoneTaken, ct);
    }
}
