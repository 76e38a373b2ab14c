using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;

namespace Auth.Core.SignIn;

public sealed record SendMagicLinkCommand(string? Email, string? RedirectUrl);

/// <summary>
/// sendMagicLinkEmail, with the Agnost client API's rules: e-mail confirmation must be on
/// (<c>email_verification_disabled</c>) and the address verified (<c>email_not_verified</c>).
/// </summary>
public sealed class SendMagicLink(AccountMessageSender send)
{
    public async Task<Result<Unit>> ExecuteAsync(SendMagicLinkCommand command, CancellationToken ct = default)
    {
        var settings = send.Settings;
        if (settings.Email.Enabled && !settings.Email.ConfirmEmail)
            return new AuthError(AuthErrors.EmailVerificationDisabled, "Magic links need e-mail confirmation to be turned on.");

        return await send.SendLinkAsync(settings, command.Email, command.RedirectUrl, TokenPurposes.MagicLink, MessageType.MagicLink,
            user => user.EmailVerified ? null : SignInErrors.EmailNotVerified(), ct);
    }
}
