using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

/// <summary>Which identifier an operator marks as verified.</summary>
public enum VerifiedChannel
{
    Email,
    Phone,
}

/// <summary>
/// What an operator may do to a user besides looking them up (<see cref="UserDirectory"/>):
/// vouch for an identifier, disable or enable the account, end sessions. The studio and the
/// management API share these rules.
/// </summary>
public sealed class UserAdministration(
    IDbContextFactory<AuthDbContext> dbFactory, SessionService sessions, TimeProvider time, ActivityRecorder activity)
{
    public async Task<Result<User>> MarkVerifiedAsync(string userId, VerifiedChannel channel, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return NotFound(userId);
        switch (channel)
        {
            case VerifiedChannel.Email when user.Email is null:
                return AuthError.Validation("email", "This user has no e-mail address to verify.");
            case VerifiedChannel.Phone when user.Phone is null:
                return AuthError.Validation("phone", "This user has no phone number to verify.");
            case VerifiedChannel.Email:
                user.EmailVerified = true;
                break;
            default:
                user.PhoneVerified = true;
                break;
        }
        activity.Add(db, EventTypes.UserVerified, user.Id,
            new EventDetail { Channel = channel == VerifiedChannel.Email ? Messaging.OutboxChannel.Email : Messaging.OutboxChannel.Sms }, actor: Actor.OperatorOrSystem);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>
    /// Disabling ends every session and voids every outstanding link, code and access token: enabling the
    /// account later must not bring old devices or old mails back. Enabling does the same once more, for what a
    /// flow that had passed its checks just before the disable still managed to create while it was disabled.
    /// </summary>
    public async Task<Result<User>> SetDisabledAsync(string userId, bool disabled, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return NotFound(userId);
        if (!disabled && !user.Disabled) return user; // enabling an enabled account must not end its sessions
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.Disabled = disabled;
        activity.Add(db, disabled ? EventTypes.UserDisabled : EventTypes.UserEnabled, user.Id, actor: Actor.OperatorOrSystem);
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(db, userId, keepSessionId: null, ct);
        await OutstandingTokens.VoidAllAsync(db, userId, time.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    public Task<IReadOnlyList<Session>> ListSessionsAsync(string userId, CancellationToken ct = default) =>
        sessions.ListActiveAsync(userId, ct);

    /// <summary>Ends one session of this user; a session id of another user is not found.</summary>
    public async Task<Result<Unit>> RevokeSessionAsync(string userId, string sessionId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, ct))
                return new AuthError(AuthErrors.NotFound, "This session has already ended.");
        }
        await sessions.RevokeAsync(userId, sessionId, ct);
        return Unit.Value;
    }

    public Task<int> RevokeAllSessionsAsync(string userId, CancellationToken ct = default) =>
        sessions.RevokeAllAsync(userId, keepSessionId: null, ct);

    private static AuthError NotFound(string id) => new(AuthErrors.UserNotFound, $"No user has the id {id}.");
}
