using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record ResendConfirmationCommand(string? Email, string? RedirectUrl);

/// <summary>POST /auth/resend: a new confirm_email link (older ones die) for an unverified address.</summary>
public sealed class ResendConfirmation(IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages)
{
    public async Task<Result<Unit>> ExecuteAsync(ResendConfirmationCommand command, CancellationToken ct = default)
    {
        var settings = messages.Settings;
        if (settings.Email.Enabled && !settings.Email.ConfirmEmail)
            return new AuthError(AuthErrors.EmailVerificationDisabled, "E-mail confirmation is turned off.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await EmailLinkRequest.ResolveAsync(db, settings, command.Email, command.RedirectUrl, ct);
        if (!target.IsSuccess) return target.Error;
        var user = target.Value.User;
        const string type = MessageType.ConfirmEmail;
        if (user is null) return await messages.RefuseAsync(db, TokenMessages.UserNotFound(), type, ct);
        if (user.EmailVerified)
            return await messages.RefuseAsync(db, new AuthError(AuthErrors.EmailAlreadyVerified, "This e-mail address is already verified."), type, ct);
        if (user.Disabled) return await messages.RefuseAsync(db, new AuthError(AuthErrors.NotAllowed, "This account is disabled."), type, ct);
        if (await messages.CheckCooldownAsync(db, user.Email!, ct) is { } cooldown) return await messages.RefuseAsync(db, cooldown, type, ct);

        var failed = await messages.CommitAsync(db, () =>
            messages.QueueLinkAsync(db, user, TokenPurposes.ConfirmEmail, type, user.Email!, target.Value.RedirectUrl, ct), ct);
        return failed is null ? Unit.Value : failed;
    }
}
