using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record ChangePhoneCommand(string UserId, string? Password, string? NewPhone);

/// <summary>
/// POST /auth/change-phone: after the current password, texts a verify_sms_code (actionType change-phone)
/// to the new number. The account keeps its number until <c>POST /auth/verify-phone</c> with the new
/// number and that code switches it.
/// </summary>
public sealed class ChangePhone(IDbContextFactory<AuthDbContext> dbFactory, LocalAccounts accounts, TokenMessages messages)
{
    public async Task<Result<Unit>> ExecuteAsync(ChangePhoneCommand command, CancellationToken ct = default)
    {
        if (!messages.Settings.Phone.Enabled) return SignInErrors.PhoneAuthDisabled();
        var problems = new Dictionary<string, string>();
        var phone = PhoneNumber.NormalizeE164(command.NewPhone, "newPhone");
        if (!phone.IsSuccess) ValidationFields.Merge(problems, phone.Error);
        if (string.IsNullOrEmpty(command.Password)) problems["password"] = "The current password is required.";
        if (problems.Count > 0) return AuthError.Validation(problems);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, ct);
        if (user is null) return new AuthError(AuthErrors.UserNotFound, "The user no longer exists.");
        if (await accounts.CheckPasswordAsync(db, user, command.Password!, ct) is { } failure) return failure;
        if (user.Phone == phone.Value) return AuthError.Validation("newPhone", "This is already the account's phone number.");
        if (await db.Users.AnyAsync(u => u.Phone == phone.Value, ct))
            return SignInErrors.PhoneTaken();

        var failed = await messages.CommitAsync(db, () => messages.QueueCodeAsync(
            db, user, TokenPurposes.ChangePhone, ActionTypes.ChangePhone, MessageType.VerifySmsCode, phone.Value, ct), ct);
        return failed is null ? Unit.Value : failed;
    }
}
