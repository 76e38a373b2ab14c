using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Operators.Mfa;

/// <summary>The Owner's switch "every operator needs an authenticator app", one row in <c>OperatorPolicies</c>.</summary>
public sealed class OperatorMfaPolicy(IDbContextFactory<AuthDbContext> dbFactory, ActivityRecorder activity, TimeProvider time)
{
    public async Task<bool> RequireTotpAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RequireTotpAsync(db, ct);
    }

    public static Task<bool> RequireTotpAsync(AuthDbContext db, CancellationToken ct) =>
        db.OperatorPolicies.Where(p => p.Id == OperatorPolicy.SingletonId).Select(p => p.RequireTotp).FirstOrDefaultAsync(ct);

    /// <summary>
    /// True when the policy is on and the operator has no confirmed factor: they may only enrol. Two primary-key or index
    /// seeks; the second only while the policy is on.
    /// </summary>
    public async Task<bool> MustEnrolAsync(string operatorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RequireTotpAsync(db, ct) && !await OperatorSecondFactor.HasFactorAsync(db, operatorId, ct);
    }

    /// <summary>
    /// Sets the policy in one conditional UPDATE of the seeded row, with its event in the same transaction only when the value
    /// actually changed: two Owners flipping it at once record one change each way at most, never a lost one.
    /// </summary>
    public async Task SetRequireTotpAsync(bool required, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.OperatorPolicies
            .Where(p => p.Id == OperatorPolicy.SingletonId && p.RequireTotp != required)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RequireTotp, required).SetProperty(p => p.UpdatedAt, now), ct);
        if (changed == 1)
        {
            activity.Add(db, EventTypes.OperatorMfaPolicyChanged, null, new EventDetail { Method = required ? "required" : "optional" },
                actor: Actor.OperatorOrSystem);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
