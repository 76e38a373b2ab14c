using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;

namespace Auth.Core.SignIn;

/// <summary>
/// sendSignInCode: phone auth enabled (<c>not_allowed</c>), <c>allowCodeSignIn</c> on
/// (<c>sms_auth_codes_disabled</c>) and the phone verified (<c>phone_not_verified</c>), as the Agnost client API says.
/// </summary>
public sealed class SendSignInCode(AccountMessageSender send)
{
    public async Task<Result<Unit>> ExecuteAsync(string? phone, CancellationToken ct = default)
    {
        var settings = send.Settings;
        if (!settings.Phone.Enabled) return SignInErrors.PhoneAuthDisabled();
        if (!settings.Phone.AllowCodeSignIn) return new AuthError(AuthErrors.SmsAuthCodesDisabled, "Sign-in with SMS codes is turned off.");

        return await send.SendCodeAsync(settings, phone, TokenPurposes.SignInCode, ActionTypes.SignInCode, MessageType.SigninSmsCode,
            user => user.PhoneVerified ? null : SignInErrors.PhoneNotVerified(), ct);
    }
}
