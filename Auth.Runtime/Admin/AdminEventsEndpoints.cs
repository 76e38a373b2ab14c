using Auth.Core.Activity;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>The activity log: newest first, filtered, paged by opaque cursors (no count: ADR 0016).</summary>
internal static class AdminEventsEndpoints
{
    public sealed record EventResponse(
        string Id, string Type, DateTime OccurredAt, string ActorType, string? ActorId, string? UserId, string? Ip, string? UserAgent,
        EventDetail? Detail)
    {
        public static EventResponse From(ActivityEvent e) =>
            new(e.Id, e.Type, e.OccurredAt, e.ActorType, e.ActorId, e.UserId, e.Ip, e.UserAgent, EventDetail.Parse(e.Detail));
    }

    /// <summary><c>olderCursor</c> pages back in time, <c>newerCursor</c> forward; each is null where the log ends.</summary>
    public sealed record EventListResponse(List<EventResponse> Items, string? OlderCursor, string? NewerCursor);

    /// <summary>
    /// <c>GET /admin/api/events?type=&amp;userId=&amp;actor=&amp;from=&amp;to=&amp;cursor=&amp;limit=</c>: <c>actor</c> is an actor's id
    /// (user or operator), <c>from</c> inclusive and <c>to</c> exclusive (ISO 8601), <c>limit</c> 1–200 (default 50).
    /// </summary>
    public static async Task<Results<Ok<EventListResponse>, ErrorHttpResult>> List(
        ActivityLog log, string? type, string? userId, string? actor, DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? limit,
        CancellationToken ct)
    {
        if (from is { } f && to is { } t && f >= t) return new ErrorHttpResult(AuthError.Validation("to", "'to' must be after 'from'."));
        var query = new EventQuery(type, userId, actor, from?.UtcDateTime, to?.UtcDateTime, cursor, limit ?? ActivityLog.DefaultLimit);
        var result = await log.ListAsync(query, ct);
        if (!result.IsSuccess) return new ErrorHttpResult(result.Error!);
        var page = result.Value;
        return TypedResults.Ok(new EventListResponse(page.Items.Select(EventResponse.From).ToList(), page.Older, page.Newer));
    }
}
