using Auth.Core.Activity.Dashboard;
using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Housekeeping;

/// <summary>
/// Rolls up every closed day of the dashboard's window that has no rollup yet (a day is closed <see cref="Grace"/>
/// after its midnight, once the last transactions of that day have committed), and forgets rollups older than
/// <see cref="KeepDays"/>. Until a day is rolled up the dashboard counts it from the events (ADR 0019).
/// </summary>
public sealed class EventRollupJob(IDbContextFactory<AuthDbContext> dbFactory, EventRollups rollups, TimeProvider time) : IHousekeepingJob
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);
    public const int KeepDays = 400;

    public string Name => "event-rollups";

    public async Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lastClosed = (now - Grace).Date.AddDays(-1);
        var first = now.Date.AddDays(-(ActivityDashboard.Days - 1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var done = await db.EventDailyCounts.AsNoTracking()
            .Where(c => c.Day >= first && c.Day <= lastClosed && c.Type == EventRollups.Marker)
            .Select(c => c.Day).ToListAsync(ct);
        var outcome = HousekeepingOutcome.None;
        for (var day = first; day <= lastClosed; day = day.AddDays(1))
        {
            if (done.Contains(day)) continue;
            outcome += new HousekeepingOutcome(await rollups.RecomputeAsync(day, ct), 1);
        }
        var cutoff = now.Date.AddDays(-KeepDays);
        var forgotten = await db.EventDailyCounts.Where(c => c.Day < cutoff).ExecuteDeleteAsync(ct);
        return outcome + new HousekeepingOutcome(forgotten, 1);
    }
}
