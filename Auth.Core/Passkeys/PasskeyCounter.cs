using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Auth.Core.Passkeys;

/// <summary>
/// The signature counter policy (ADR 0015): a counter only moves forward, checked and moved in one conditional UPDATE so
/// two assertions racing with one value cannot both pass; a refusal is counted on the passkey and logged.
/// </summary>
public sealed class PasskeyCounter(TimeProvider time, ILogger<PasskeyCounter> logger)
{
    /// <summary>Null when the counter moved (or both it and the stored one are 0: authenticators without a counter).</summary>
    public async Task<AuthError?> AdvanceAsync(AuthDbContext db, Passkey passkey, uint signCount, bool backedUp, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        long next = signCount;
        var moved = await db.Passkeys
            .Where(p => p.Id == passkey.Id && (p.SignCount < next || (next == 0 && p.SignCount == 0)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.SignCount, next)
                .SetProperty(p => p.LastUsedAt, now)
                .SetProperty(p => p.BackedUp, backedUp), ct);
        if (moved == 1) return null;
        await RecordRegressionAsync(db, passkey, ct);
        return PasskeyErrors.CounterRegressed();
    }

    public async Task RecordRegressionAsync(AuthDbContext db, Passkey passkey, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Passkeys.Where(p => p.Id == passkey.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.CounterRegressions, p => p.CounterRegressions + 1)
            .SetProperty(p => p.CounterRegressedAt, now), ct);
        logger.LogWarning("Passkey {PasskeyId} of user {UserId}: signature counter did not move forward; sign-in refused.",
            passkey.Id, passkey.UserId);
    }
}
