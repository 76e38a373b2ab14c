using Auth.Core.Data;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Studio.Web.Overview;

/// <summary>
/// What the Overview says about the runtime right now. Every figure is one indexed query: the backlog is counted along
/// the outbox's (Status, NextAttemptAt) index and capped (past the cap the oldest age is that of the rows read),
/// active sessions along a Sessions index, capped the same way (<see cref="CappedCount"/>).
/// </summary>
public sealed class OverviewHealth(
    IDbContextFactory<AuthDbContext> dbFactory, DatabaseHealth database, ISettingsReader settings, TimeProvider time)
{
    /// <summary>Beyond this the backlog shows as "more than"; counting further would walk the whole backlog.</summary>
    public const int BacklogCap = 10_000;

    public sealed record Snapshot(
        string? DatabaseProblem, int Backlog, bool BacklogCapped, TimeSpan? OldestPendingAge,
        int? LastRevision, DateTime? LastPublishedAt, int ServedRevision, CappedCount ActiveSessions);

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var problem = await database.ProblemAsync(ct);
        var served = settings.Current.Revision;
        if (problem is not null) return new Snapshot(problem, 0, false, null, null, null, served, default);

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One walk of the status index: an ORDER BY CreatedAt would invite the planner to walk every sent message by date.
        var waiting = await Backlog(db).Select(m => m.CreatedAt).Take(BacklogCap + 1).ToListAsync(ct);
        var backlog = waiting.Count;
        DateTime? oldest = waiting.Count == 0 ? null : waiting.Min();
        var last = await db.SettingsRevisions.AsNoTracking().OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.PublishedAt }).FirstOrDefaultAsync(ct);
        var sessions = await CappedCount.OfAsync(ActiveSessions(db, now), EntityFrameworkQueryableExtensions.CountAsync, ct);
        return new Snapshot(null, Math.Min(backlog, BacklogCap), backlog > BacklogCap, oldest is { } at ? now - at : null,
            last?.Number, last?.PublishedAt, served, sessions);
    }

    /// <summary>Messages not delivered yet (waiting or being sent); the plan test reads this query.</summary>
    public static IQueryable<Auth.Core.Data.Entities.OutboxMessage> Backlog(AuthDbContext db) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending);

    public static IQueryable<Auth.Core.Data.Entities.Session> ActiveSessions(AuthDbContext db, DateTime now) =>
        db.Sessions.AsNoTracking().Where(s => s.ExpiresAt > now && s.RevokedAt == null);
}
