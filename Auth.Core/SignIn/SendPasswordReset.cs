using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record SendPasswordResetCommand(string? Email, string? RedirectUrl);

/// <summary>
/// POST /auth/send-reset: e-mails a reset_password link. Its verify redirects with an access token
/// (action reset-pwd) that only <see cref="ResetPassword"/> accepts.
/// </summary>
public sealed class SendPasswordReset(IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages)
{
    public async Task<Result<Unit>> ExecuteAsync(SendPasswordResetCommand command, CancellationToken ct = default)
    {
        var settings = messages.Settings;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await EmailLinkRequest.ResolveAsync(db, settings, command.Email, command.RedirectUrl, ct);
        if (!target.IsSuccess) return target.Error;
        var user = target.Value.User;
        const string type = MessageType.ResetPassword;
        if (user is null) return await messages.RefuseAsync(db, TokenMessages.UserNotFound(), type, ct);
        if (user.PasswordHash is null)
            return await messages.RefuseAsync(db, new AuthError(AuthErrors.InvalidProviderSignIn, $"This account signs in with {user.Provider}, not with a password."), type, ct);
        if (settings.Email.ConfirmEmail && !user.EmailVerified)
            return await messages.RefuseAsync(db, new AuthError(AuthErrors.EmailNotVerified, "The e-mail address has not been verified yet."), type, ct);
        if (user.Disabled) return await messages.RefuseAsync(db, new AuthError(AuthErrors.NotAllowed, "This account is disabled."), type, ct);
        if (await messages.CheckCooldownAsync(db, user.Email!, ct) is { } cooldown) return await messages.RefuseAsync(db, cooldown, type, ct);

        var failed = await messages.CommitAsync(db, () =>
            messages.QueueLinkAsync(db, user, TokenPurposes.ResetPassword, type, user.Email!, target.Value.RedirectUrl, ct), ct);
        return failed is null ? Unit.Value : failed;
    }
}
