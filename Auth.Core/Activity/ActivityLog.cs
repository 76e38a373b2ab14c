using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Activity;

/// <summary>The API's and the studio's filters; <see cref="To"/> is exclusive. <see cref="Actor"/> is an actor's id.</summary>
public sealed record EventQuery(
    string? Type = null, string? UserId = null, string? Actor = null, DateTime? From = null, DateTime? To = null,
    string? Cursor = null, int Limit = ActivityLog.DefaultLimit);

/// <summary>A page, newest first; <see cref="Older"/> and <see cref="Newer"/> are null where the log ends.</summary>
public sealed record EventPage(IReadOnlyList<ActivityEvent> Items, string? Older, string? Newer);

/// <summary>
/// Reads the activity log by keyset over (OccurredAt desc, Id desc), never an offset and never a count, so every page
/// is a seek of the filter's index whatever the depth (ADR 0016).
/// </summary>
public sealed class ActivityLog(IDbContextFactory<AuthDbContext> dbFactory)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public async Task<Result<EventPage>> ListAsync(EventQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit) return AuthError.Validation("limit", $"The limit must be between 1 and {MaxLimit}.");
        EventCursor? cursor = null;
        if (!string.IsNullOrEmpty(query.Cursor) && (cursor = EventCursor.Decode(query.Cursor)) is null)
            return AuthError.Validation("cursor", "This cursor is not valid. Start again without a cursor.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = Page(db.Events.AsNoTracking(), query, cursor);
        var rows = await page.ToListAsync(ct);
        var more = rows.Count > query.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        var newer = cursor is { Newer: true };
        if (newer) rows.Reverse();

        // Reading older: newer events exist when we came from a cursor. Reading newer: older ones always exist (we came from them).
        string? older = (newer || more) && rows.Count > 0 ? new EventCursor(false, rows[^1].OccurredAt, rows[^1].Id).Encode() : null;
        string? newerCursor = (newer ? more : cursor is not null) && rows.Count > 0 ? new EventCursor(true, rows[0].OccurredAt, rows[0].Id).Encode() : null;
        if (rows.Count == 0 && cursor is not null)
        {
            // An empty page (the rows were purged, or a filter matched nothing beyond): offer the way back.
            older = newer ? new EventCursor(false, cursor.At, cursor.Id).Encode() : null;
            newerCursor = newer ? null : new EventCursor(true, cursor.At, cursor.Id).Encode();
        }
        return new EventPage(rows, older, newerCursor);
    }

    /// <summary>The query of one page (one more row than asked, to know whether the log goes on); the plan tests read it.</summary>
    public static IQueryable<ActivityEvent> Page(IQueryable<ActivityEvent> events, EventQuery query, EventCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(query);
        events = Filter(events, query);
        if (cursor is { Newer: true })
        {
            var (at, id) = (cursor.At, cursor.Id);
            // OccurredAt >= at bounds the index range; the Id comparison only settles ties.
            return events.Where(e => e.OccurredAt >= at && (e.OccurredAt > at || string.Compare(e.Id, id) > 0))
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(query.Limit + 1);
        }
        if (cursor is not null)
        {
            var (at, id) = (cursor.At, cursor.Id);
            events = events.Where(e => e.OccurredAt <= at && (e.OccurredAt < at || string.Compare(e.Id, id) < 0));
        }
        return events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(query.Limit + 1);
    }

    private static IQueryable<ActivityEvent> Filter(IQueryable<ActivityEvent> events, EventQuery query)
    {
        // Each equality filter has an index ending in (OccurredAt, Id); the planner seeks the most selective one.
        if (!string.IsNullOrEmpty(query.UserId)) events = events.Where(e => e.UserId == query.UserId);
        if (!string.IsNullOrEmpty(query.Actor)) events = events.Where(e => e.ActorId == query.Actor);
        if (!string.IsNullOrEmpty(query.Type)) events = events.Where(e => e.Type == query.Type);
        if (query.From is { } from) events = events.Where(e => e.OccurredAt >= from);
        if (query.To is { } to) events = events.Where(e => e.OccurredAt < to);
        return events;
    }
}
