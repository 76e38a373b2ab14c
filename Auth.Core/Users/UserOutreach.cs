using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

/// <summary>
/// What an operator sends or clears for a user: an invitation (a magic link through the outbox and its template,
/// single use, expiring like any link), a password reset through the runtime's reset flow, and an unlock (ADR 0022).
/// </summary>
public sealed class UserOutreach(IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages, ActivityRecorder activity)
{
    public async Task<Result<Unit>> InviteAsync(string userId, string? redirectUrl, CancellationToken ct = default)
    {
        var redirect = Redirect(messages.Settings, redirectUrl);
        if (!redirect.IsSuccess) return redirect.Error;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (Refusal(user, userId) is { } refused) return refused;
        var failed = await messages.CommitAsync(db, () => QueueInvitationAsync(db, user!, redirect.Value, ct), ct);
        return failed is null ? Unit.Value : failed;
    }

    /// <summary>
    /// The invitation: a magic link carrying the proof mark of the current password, so following it keeps a password
    /// the operator set (an unproven account otherwise loses it, ADR 0007), and an event; inside the caller's commit.
    /// </summary>
    internal Task<AuthError?> QueueInvitationAsync(AuthDbContext db, User user, string redirect, CancellationToken ct)
    {
        activity.Add(db, EventTypes.UserInvited, user.Id, new EventDetail { Channel = Messaging.OutboxChannel.Email }, actor: Actor.OperatorOrSystem);
        return messages.QueueLinkAsync(db, user, Tokens.TokenPurposes.MagicLink, MessageType.MagicLink, user.Email!, redirect, ct, SignUpProof.Mark(user));
    }

    /// <summary>The runtime's reset e-mail, under its rules: no reset for a provider's account, nor for an unverified address while confirmEmail is on.</summary>
    public async Task<Result<Unit>> SendResetAsync(string userId, string? redirectUrl, CancellationToken ct = default)
    {
        var settings = messages.Settings;
        var redirect = Redirect(settings, redirectUrl);
        if (!redirect.IsSuccess) return redirect.Error;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (Refusal(user, userId) is { } refused) return refused;
        if (user!.PasswordHash is null && user.Provider != User.LocalProvider) return SignInErrors.NoPassword(user);
        if (settings.Email.ConfirmEmail && !user.EmailVerified) return SignInErrors.EmailNotVerified();
        var failed = await messages.CommitAsync(db, () =>
        {
            activity.Add(db, EventTypes.UserResetSent, user.Id, new EventDetail { Channel = Messaging.OutboxChannel.Email }, actor: Actor.OperatorOrSystem);
            return messages.QueueLinkAsync(db, user, Tokens.TokenPurposes.ResetPassword, MessageType.ResetPassword, user.Email!, redirect.Value, ct);
        }, ct);
        return failed is null ? Unit.Value : failed;
    }

    /// <summary>Clears the lockout and the failure counter in one conditional UPDATE, with its event in the same transaction.</summary>
    public async Task<Result<Unit>> UnlockAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignInCount, 0).SetProperty(u => u.LockoutEndsAt, (DateTime?)null), ct);
        if (changed == 0) return NotFound(userId);
        db.NoteUserWrite(userId);
        activity.Add(db, EventTypes.UserUnlocked, userId, actor: Actor.OperatorOrSystem);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }

    /// <summary>The given redirect URL if allowed; without one, the first allowed URL that is not a pattern.</summary>
    internal static Result<string> Redirect(AuthSettings settings, string? redirectUrl)
    {
        var candidate = string.IsNullOrWhiteSpace(redirectUrl) ? settings.RedirectURLs.FirstOrDefault(u => !u.Contains('*', StringComparison.Ordinal)) : redirectUrl;
        var resolved = SignUpInput.ResolveRedirect(settings, candidate, required: true);
        return resolved.IsSuccess ? resolved.Value! : resolved.Error;
    }

    private static AuthError? Refusal(User? user, string userId) =>
        user is null ? NotFound(userId)
        : user.Disabled ? new AuthError(AuthErrors.NotAllowed, "This account is disabled: enable it first.")
        : user.Email is null ? new AuthError(AuthErrors.UserHasNoEmail, "This user has no e-mail address to send the link to.")
        : null;

    internal static AuthError NotFound(string id) => new(AuthErrors.UserNotFound, $"No user has the id {id}.");
}
