using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;

namespace Auth.Core.SignIn;

/// <summary>POST /auth/resend-code: a new verify_sms_code (older codes die) for an unverified phone.</summary>
public sealed class ResendPhoneCode(AccountMessageSender send)
{
    public async Task<Result<Unit>> ExecuteAsync(string? phone, CancellationToken ct = default)
    {
        var settings = send.Settings;
        if (settings.Phone.Enabled && !settings.Phone.ConfirmPhone)
            return new AuthError(AuthErrors.PhoneVerificationDisabled, "Phone number confirmation is turned off.");

        return await send.SendCodeAsync(settings, phone, TokenPurposes.VerifyPhone, ActionTypes.VerifyPhone, MessageType.VerifySmsCode,
            user => user.PhoneVerified ? new AuthError(AuthErrors.PhoneAlreadyVerified, "This phone number is already verified.") : null, ct);
    }
}
