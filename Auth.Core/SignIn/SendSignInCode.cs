using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// sendSignInCode: phone auth enabled (<c>not_allowed</c>), <c>allowCodeSignIn</c> on
/// (<c>sms_auth_codes_disabled</c>) and the phone verified (<c>phone_not_verified</c>), as the seed says.
/// </summary>
public sealed class SendSignInCode(IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages)
{
    public async Task<Result<Unit>> ExecuteAsync(string? phone, CancellationToken ct = default)
    {
        var settings = messages.Settings;
        if (!settings.Phone.Enabled) return PhoneCodeRequest.Disabled();
        if (!settings.Phone.AllowCodeSignIn) return new AuthError(AuthErrors.SmsAuthCodesDisabled, "Sign-in with SMS codes is turned off.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resolved = await PhoneCodeRequest.ResolveAsync(db, settings, phone, ct);
        if (!resolved.IsSuccess) return resolved.Error;
        var (number, user) = resolved.Value;
        const string type = MessageType.SigninSmsCode;
        if (user is null) return await messages.RefuseAsync(db, TokenMessages.UserNotFound(), type, ct);
        if (!user.PhoneVerified)
            return await messages.RefuseAsync(db, new AuthError(AuthErrors.PhoneNotVerified, "The phone number has not been verified yet."), type, ct);
        if (user.Disabled) return await messages.RefuseAsync(db, new AuthError(AuthErrors.NotAllowed, "This account is disabled."), type, ct);
        if (await messages.CheckCooldownAsync(db, number, ct) is { } cooldown) return await messages.RefuseAsync(db, cooldown, type, ct);

        var failed = await messages.CommitAsync(db, () =>
            messages.QueueCodeAsync(db, user, TokenPurposes.SignInCode, ActionTypes.SignInCode, type, number, ct), ct);
        return failed is null ? Unit.Value : failed;
    }
}
