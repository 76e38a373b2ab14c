using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Activity.Dashboard;

/// <summary>One (type, key) count of one day, as the dashboard reads it.</summary>
public readonly record struct DayCount(DateTime Day, string Type, string Key, int Count);

/// <summary>
/// Counts the charted events of one UTC day along the (Type, OccurredAt) index and keeps them as
/// <see cref="EventDailyCount"/> rows once the day is closed, so the dashboard reads ~30 rows a day instead of every
/// event (ADR 0019). Recomputing a day replaces its rows whole: running it twice, or on two nodes, gives the same rows.
/// </summary>
public sealed class EventRollups(IDbContextFactory<AuthDbContext> dbFactory)
{
    /// <summary>The type of the row that marks a day as rolled up; its count is the day's charted events.</summary>
    public const string Marker = "*";
    public const int KeyMaxLength = 48;

    /// <summary>The event types the dashboard charts; the others are never counted.</summary>
    public static readonly string[] Charted =
    [
        EventTypes.SignUp, EventTypes.SignIn, EventTypes.SignInFailed, EventTypes.LockedOut, EventTypes.MessageSent, EventTypes.MessageFailed,
    ];

    /// <summary>
    /// The charted events of [<paramref name="from"/>, <paramref name="to"/>): the types are inlined constants so the
    /// planner seeks the (Type, OccurredAt, Id) index once per type; the plan test reads this query.
    /// </summary>
    public static IQueryable<EventRow> RangeQuery(IQueryable<ActivityEvent> events, DateTime from, DateTime to) =>
        events.Where(e => EF.Constant(Charted).Contains(e.Type) && e.OccurredAt >= from && e.OccurredAt < to)
            .Select(e => new EventRow(e.Type, e.Detail));

    /// <summary>The counts of one UTC day straight from the events (today, or a day not rolled up yet).</summary>
    public static async Task<List<DayCount>> CountLiveAsync(AuthDbContext db, DateTime day, CancellationToken ct)
    {
        var rows = await RangeQuery(db.Events.AsNoTracking(), day, day.AddDays(1)).ToListAsync(ct);
        return rows.GroupBy(r => (r.Type, Key: KeyOf(r.Type, r.Detail)))
            .Select(g => new DayCount(day, g.Key.Type, g.Key.Key, g.Count()))
            .ToList();
    }

    /// <summary>Replaces <paramref name="day"/>'s rollup with a fresh count; returns the rows written.</summary>
    public async Task<int> RecomputeAsync(DateTime day, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await CountLiveAsync(db, day, ct);
        db.EventDailyCounts.AddRange(counts.Select(c => new EventDailyCount { Day = day, Type = c.Type, Key = c.Key, Count = c.Count }));
        db.EventDailyCounts.Add(new EventDailyCount { Day = day, Type = Marker, Key = "", Count = counts.Sum(c => c.Count) });
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.EventDailyCounts.Where(c => c.Day == day).ExecuteDeleteAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node wrote this day between our delete and insert: the same events, so the same rows.
            return 0;
        }
        await transaction.CommitAsync(ct);
        return counts.Count + 1;
    }

    /// <summary>
    /// What a chart groups an event by: the OAuth provider, else the first sign-in method (pwd, email, sms, passkey),
    /// else the channel (email, sms). Only allow-listed detail fields, so never a secret.
    /// </summary>
    public static string KeyOf(string type, string? detailJson)
    {
        var detail = EventDetail.Parse(detailJson);
        if (detail is null) return "";
        var key = type switch
        {
            EventTypes.MessageSent or EventTypes.MessageFailed => detail.Channel,
            EventTypes.SignUp => detail.Provider ?? detail.Channel,
            _ => detail.Provider ?? Mfa.Amr.Split(detail.Method).FirstOrDefault(),
        };
        return key is null ? "" : key.Length <= KeyMaxLength ? key : key[..KeyMaxLength];
    }
}

/// <summary>The two columns of an event the rollup reads.</summary>
public sealed record EventRow(string Type, string? Detail);
