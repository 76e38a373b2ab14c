using System.Text.Json.Nodes;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
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
    IDbContextFactory<AuthDbContext> dbFactory,
    ISettingsReader settingsReader,
    LocalAccounts accounts,
    SessionService sessions,
    TokenMessages messages,
    TimeProvider time)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(SignUpWithPhoneCommand command, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        if (!settings.Phone.Enabled) return new AuthError(AuthErrors.NotAllowed, "Phone number authentication is disabled.");

        var problems = new Dictionary<string, string>();
        var phone = PhoneNumber.NormalizeE164(command.Phone);
        if (!phone.IsSuccess) SignUpWithEmail.Merge(problems, phone.Error);
        SignUpWithEmail.Merge(problems, accounts.CheckPolicy(command.Password));
        SignUpInput.CheckProfile(command.Name, command.UserData, problems);
        if (problems.Count > 0) return AuthError.Validation(problems);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.Phone == phone.Value, ct)) return PhoneTaken();

        var id = UserId.New(time);
        var user = new User
        {
            Id = id,
            Provider = User.LocalProvider,
            ProviderUserId = id,
            Phone = phone.Value,
            Name = SignUpInput.TrimName(command.Name),
            UserData = command.UserData?.ToJsonString(),
            PasswordHash = accounts.Hasher.Hash(command.Password!),
            SignUpAt = time.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(user);
        var confirm = settings.Phone.ConfirmPhone;
        var grant = confirm ? new AuthGrant(user, null, null) : sessions.Open(db, user, command.Client);

        try
        {
            // With confirmPhone on, the verify_sms_code message is saved with the user and its code, or not at all.
            var failed = await messages.CommitAsync(db, () => confirm
                ? messages.QueueCodeAsync(db, user, TokenPurposes.VerifyPhone, ActionTypes.VerifyPhone, MessageType.VerifySmsCode, user.Phone, ct)
                : Task.FromResult<AuthError?>(null), ct);
            if (failed is not null) return failed;
        }
        catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex))
        {
            return PhoneTaken();
        }

        return grant;
    }

    private static AuthError PhoneTaken() => new(AuthErrors.PhoneNotUnique, "A user with this phone number already exists.");
}
