using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record SendMagicLinkCommand(string? Email, string? RedirectUrl);

/// <summary>
/// sendMagicLinkEmail, with the seed's rules: e-mail confirmation must be on
/// (<c>email_verification_disabled</c>) and the address verified (<c>email_not_verified</c>).
/// </summary>
public sealed class SendMagicLink(IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages)
{
    public async Task<Result<Unit>> ExecuteAsync(SendMagicLinkCommand command, CancellationToken ct = default)
    {
        var settings = messages.Settings;
        if (settings.Email.Enabled && !settings.Email.ConfirmEmail)
            return new AuthError(AuthErrors.EmailVerificationDisabled, "Magic links need e-mail confirmation to be turned on.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await EmailLinkRequest.ResolveAsync(db, settings, command.Email, command.RedirectUrl, ct);
        if (!target.IsSuccess) return target.Error;
        var user = target.Value.User;
        const string type = MessageType.MagicLink;
        if (user is null) return await messages.RefuseAsync(db, TokenMessages.UserNotFound(), type, ct);
        if (!user.EmailVerified)
            return await messages.RefuseAsync(db, new AuthError(AuthErrors.EmailNotVerified, "The e-mail address has not been verified yet."), type, ct);
        if (user.Disabled) return await messages.RefuseAsync(db, new AuthError(AuthErrors.NotAllowed, "This account is disabled."), type, ct);
        if (await messages.CheckCooldownAsync(db, user.Email!, ct) is { } cooldown) return await messages.RefuseAsync(db, cooldown, type, ct);

        var failed = await messages.CommitAsync(db, () =>
            messages.QueueLinkAsync(db, user, TokenPurposes.MagicLink, type, user.Email!, target.Value.RedirectUrl, ct), ct);
        return failed is null ? Unit.Value : failed;
    }
}
