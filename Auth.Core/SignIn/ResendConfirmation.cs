using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;

namespace Auth.Core.SignIn;

public sealed record ResendConfirmationCommand(string? Email, string? RedirectUrl);

/// <summary>POST /auth/resend: a new confirm_email link (older ones die) for an unverified address.</summary>
public sealed class ResendConfirmation(AccountMessageSender send)
{
    public async Task<Result<Unit>> ExecuteAsync(ResendConfirmationCommand command, CancellationToken ct = default)
    {
        var settings = send.Settings;
        if (settings.Email.Enabled && !settings.Email.ConfirmEmail)
            return new AuthError(AuthErrors.EmailVerificationDisabled, "E-mail confirmation is turned off.");

        return await send.SendLinkAsync(settings, command.Email, command.RedirectUrl, TokenPurposes.ConfirmEmail, MessageType.ConfirmEmail,
            user => user.EmailVerified ? new AuthError(AuthErrors.EmailAlreadyVerified, "This e-mail address is already verified.") : null, ct);
    }
}
