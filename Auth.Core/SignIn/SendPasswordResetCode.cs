using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// POST /auth/send-reset-code: texts a reset code. It uses the verify_sms_code template with
/// <c>token.actionType</c> = reset-pwd-code (there are six message types; a template can branch on it).
/// </summary>
public sealed class SendPasswordResetCode(IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages)
{
    public async Task<Result<Unit>> ExecuteAsync(string? phone, CancellationToken ct = default)
    {
        var settings = messages.Settings;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resolved = await PhoneCodeRequest.ResolveAsync(db, settings, phone, ct);
        if (!resolved.IsSuccess) return resolved.Error;
        var (number, user) = resolved.Value;
        const string type = MessageType.VerifySmsCode;
        if (user is null) return await messages.RefuseAsync(db, TokenMessages.UserNotFound(), type, ct);
        if (user.PasswordHash is null)
            return await messages.RefuseAsync(db, new AuthError(AuthErrors.InvalidProviderSignIn, $"This account signs in with {user.Provider}, not with a password."), type, ct);
        if (settings.Phone.ConfirmPhone && !user.PhoneVerified)
            return await messages.RefuseAsync(db, new AuthError(AuthErrors.PhoneNotVerified, "The phone number has not been verified yet."), type, ct);
        if (user.Disabled) return await messages.RefuseAsync(db, new AuthError(AuthErrors.NotAllowed, "This account is disabled."), type, ct);
        if (await messages.CheckCooldownAsync(db, number, ct) is { } cooldown) return await messages.RefuseAsync(db, cooldown, type, ct);

        var failed = await messages.CommitAsync(db, () =>
            messages.QueueCodeAsync(db, user, TokenPurposes.ResetPasswordCode, ActionTypes.ResetPasswordCode, type, number, ct), ct);
        return failed is null ? Unit.Value : failed;
    }
}
