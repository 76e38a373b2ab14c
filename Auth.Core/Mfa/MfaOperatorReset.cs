using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Mfa;

/// <summary>What an operator sees of a user's second factors, and the reset for a user who lost their authenticator.</summary>
public sealed class MfaOperatorReset(
    IDbContextFactory<AuthDbContext> dbFactory, MfaFactorManagement factors, SessionService sessions, ActivityRecorder activity)
{
    public Task<IReadOnlyList<MfaFactorInfo>> ListAsync(string userId, CancellationToken ct = default) => factors.ListAsync(userId, ct);

    /// <summary>
    /// Removes every factor (confirmed or half-enrolled), recovery code and pending challenge of the user and ends their
    /// sessions, in one transaction: whoever signs in next proves the first factor only and, with mfa.required, must enrol again.
    /// Returns the number of sessions ended.
    /// </summary>
    public async Task<Result<int>> ResetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            return new AuthError(AuthErrors.UserNotFound, $"No user has the id {userId}.");
        await db.MfaFactors.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.MfaChallenges.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        var ended = await sessions.RevokeAllAsync(db, userId, keepSessionId: null, ct);
        activity.Add(db, EventTypes.MfaReset, userId, new EventDetail { Count = ended }, actor: Actor.OperatorOrSystem);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ended;
    }
}
