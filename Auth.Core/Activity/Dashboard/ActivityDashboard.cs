using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Activity.Dashboard;

/// <summary>
/// The charted events of the last <see cref="ActivityDashboard.Days"/> UTC days (today last), per day, by type and key.
/// </summary>
public sealed class ActivityChart(IReadOnlyList<DateTime> days, IReadOnlyList<DayCount> counts)
{
    public IReadOnlyList<DateTime> Days { get; } = days;

    /// <summary>The keys seen for <paramref name="type"/>, most frequent first.</summary>
    public IReadOnlyList<string> Keys(string type) =>
        counts.Where(c => c.Type == type).GroupBy(c => c.Key).OrderByDescending(g => g.Sum(c => c.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();

    /// <summary>One value per day of <see cref="Days"/>; a null key sums every key.</summary>
    public int[] Series(string type, string? key = null)
    {
        var values = new int[Days.Count];
        foreach (var c in counts)
        {
            if (c.Type != type || (key is not null && c.Key != key)) continue;
            var index = (int)(c.Day - Days[0]).TotalDays;
            if (index >= 0 && index < values.Length) values[index] += c.Count;
        }
        return values;
    }
}

/// <summary>
/// Reads the dashboard's window: the rollups of closed days (one range seek of their key), and, for today and any day
/// not rolled up yet, a live count along the events' (Type, OccurredAt) index (ADR 0019). Days are UTC.
/// </summary>
public sealed class ActivityDashboard(IDbContextFactory<AuthDbContext> dbFactory, TimeProvider time)
{
    public const int Days = 30;

    public async Task<ActivityChart> GetAsync(CancellationToken ct = default)
    {
        var today = time.GetUtcNow().UtcDateTime.Date;
        var first = today.AddDays(-(Days - 1));
        var days = Enumerable.Range(0, Days).Select(i => first.AddDays(i)).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rolled = await RollupQuery(db, first, today).ToListAsync(ct);
        var counts = rolled.Where(c => c.Type != EventRollups.Marker)
            .Select(c => new DayCount(c.Day, c.Type, c.Key, c.Count)).ToList();
        var done = rolled.Where(c => c.Type == EventRollups.Marker).Select(c => c.Day).ToHashSet();
        foreach (var day in days.Where(d => !done.Contains(d)))
            counts.AddRange(await EventRollups.CountLiveAsync(db, day, ct));
        return new ActivityChart(days, counts);
    }

    /// <summary>The rollups of [<paramref name="from"/>, <paramref name="to"/>); the plan test reads this query.</summary>
    public static IQueryable<Data.Entities.EventDailyCount> RollupQuery(AuthDbContext db, DateTime from, DateTime to) =>
        db.EventDailyCounts.AsNoTracking().Where(c => c.Day >= from && c.Day < to);
}
