using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;

namespace Auth.Core.SignIn;

/// <summary>
/// POST /auth/send-reset-code: texts a reset code. It uses the verify_sms_code template with
/// <c>token.actionType</c> = reset-pwd-code (there are six message types; a template can branch on it).
/// </summary>
public sealed class SendPasswordResetCode(AccountMessageSender send)
{
    public async Task<Result<Unit>> ExecuteAsync(string? phone, CancellationToken ct = default)
    {
        var settings = send.Settings;
        return await send.SendCodeAsync(settings, phone, TokenPurposes.ResetPasswordCode, ActionTypes.ResetPasswordCode, MessageType.VerifySmsCode,
            user => Refusal(settings, user), ct);
    }

    // Nothing to reset on a provider's account; a local one without a password (ADR 0007) sets one this way.
    // With confirmPhone on, only a verified number may reset.
    private static AuthError? Refusal(AuthSettings settings, User user) =>
        user.PasswordHash is null && user.Provider != User.LocalProvider ? SignInErrors.NoPassword(user)
        : settings.Phone.ConfirmPhone && !user.PhoneVerified ? SignInErrors.PhoneNotVerified()
        : null;
}
