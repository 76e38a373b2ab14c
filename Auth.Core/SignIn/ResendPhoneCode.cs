using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>POST /auth/resend-code: a new verify_sms_code (older codes die) for an unverified phone.</summary>
public sealed class ResendPhoneCode(IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages)
{
    public async Task<Result<Unit>> ExecuteAsync(string? phone, CancellationToken ct = default)
    {
        var settings = messages.Settings;
        if (settings.Phone.Enabled && !settings.Phone.ConfirmPhone)
            return new AuthError(AuthErrors.PhoneVerificationDisabled, "Phone number confirmation is turned off.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resolved = await PhoneCodeRequest.ResolveAsync(db, settings, phone, ct);
        if (!resolved.IsSuccess) return resolved.Error;
        var (number, user) = resolved.Value;
        const string type = MessageType.VerifySmsCode;
        if (user is null) return await messages.RefuseAsync(db, TokenMessages.UserNotFound(), type, ct);
        if (user.PhoneVerified)
            return await messages.RefuseAsync(db, new AuthError(AuthErrors.PhoneAlreadyVerified, "This phone number is already verified."), type, ct);
        if (user.Disabled) return await messages.RefuseAsync(db, new AuthError(AuthErrors.NotAllowed, "This account is disabled."), type, ct);
        if (await messages.CheckCooldownAsync(db, number, ct) is { } cooldown) return await messages.RefuseAsync(db, cooldown, type, ct);

        var failed = await messages.CommitAsync(db, () =>
            messages.QueueCodeAsync(db, user, TokenPurposes.VerifyPhone, ActionTypes.VerifyPhone, type, number, ct), ct);
        return failed is null ? Unit.Value : failed;
    }
}
