using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;

namespace Auth.Core.SignIn;

public sealed record SendPasswordResetCommand(string? Email, string? RedirectUrl);

/// <summary>
/// POST /auth/send-reset: e-mails a reset_password link. Its verify redirects with an access token
/// (action reset-pwd) that only <see cref="ResetPassword"/> accepts.
/// </summary>
public sealed class SendPasswordReset(AccountMessageSender send)
{
    public async Task<Result<Unit>> ExecuteAsync(SendPasswordResetCommand command, CancellationToken ct = default)
    {
        var settings = send.Settings;
        return await send.SendLinkAsync(settings, command.Email, command.RedirectUrl, TokenPurposes.ResetPassword, MessageType.ResetPassword,
            user => Refusal(settings, user), ct);
    }

    // Nothing to reset on a provider's account; a local one without a password (ADR 0007) sets one this way.
    // With confirmEmail on, only a verified address may reset.
    private static AuthError? Refusal(AuthSettings settings, User user) =>
        user.PasswordHash is null && user.Provider != User.LocalProvider ? SignInErrors.NoPassword(user)
        : settings.Email.ConfirmEmail && !user.EmailVerified ? SignInErrors.EmailNotVerified()
        : null;
}
