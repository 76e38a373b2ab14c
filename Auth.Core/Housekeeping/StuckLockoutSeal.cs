using Auth.Core.Data;
using Auth.Core.Operators;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Housekeeping;

/// <summary>Lockout windows a crash left full without a lock become ordinary locks that end (<see cref="PasswordGate"/>, ADR 0006).</summary>
public sealed class StuckLockoutSeal(IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settings, TimeProvider time) : IHousekeepingJob
{
    public string Name => "lockouts";

    public async Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var security = settings.Current.Settings.Security;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await PasswordGate.SealStuckAsync(db.Users, security.LockoutThreshold, now.AddMinutes(security.LockoutMinutes), ct);
        await PasswordGate.SealStuckAsync(db.Operators, OperatorService.LockoutThreshold, now + OperatorService.LockoutDuration, ct);
        return new HousekeepingOutcome(0, 2);
    }
}
