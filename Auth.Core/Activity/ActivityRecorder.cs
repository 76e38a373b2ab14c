using Auth.Core.Data;
using Auth.Core.Data.Configurations;
using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Auth.Core.Sessions;

namespace Auth.Core.Activity;

/// <summary>Who an event names as its actor.</summary>
public readonly record struct Actor(string Type, string? Id)
{
    public static readonly Actor System = new(ActorTypes.System, null);
    public static Actor User(string? id) => new(ActorTypes.User, id);
    public static Actor Operator(string id) => new(ActorTypes.Operator, id);

    /// <summary>For administrative changes: the operator of the current flow, else the system (a host task, a test).</summary>
    public static Actor OperatorOrSystem => ActivityActor.OperatorId is { } id ? Operator(id) : System;
}

/// <summary>
/// Adds activity events to the caller's context, like <see cref="OutboxWriter"/> does for messages: the event is saved
/// by the caller's SaveChanges, in the same transaction as what it records, or not at all (ADR 0016).
/// </summary>
public sealed class ActivityRecorder(IActivityClient client, TimeProvider time)
{
    /// <summary>
    /// Adds an event about <paramref name="userId"/>; the caller saves. The actor is, in order: <paramref name="actor"/>,
    /// the operator of the current flow (<see cref="ActivityActor"/>), the user themself. IP and user agent come from
    /// <paramref name="from"/>, the studio circuit of the flow (<see cref="ActivityActor.Client"/>) or the current request.
    /// </summary>
    public ActivityEvent Add(
        AuthDbContext db, string type, string? userId, EventDetail? detail = null, ClientInfo? from = null, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow().UtcDateTime;
        var who = actor ?? (ActivityActor.OperatorId is { } op ? Actor.Operator(op) : Actor.User(userId));
        var row = new ActivityEvent
        {
            Id = OutboxIds.Next(now),
            Type = type,
            OccurredAt = now,
            ActorType = who.Type,
            ActorId = who.Id,
            UserId = userId,
            Ip = Cap(from?.IpAddress ?? ActivityActor.Client?.IpAddress ?? client.Ip, ActivityEventConfiguration.IpMaxLength),
            UserAgent = Cap(from?.UserAgent ?? ActivityActor.Client?.UserAgent ?? client.UserAgent, ActivityEventConfiguration.UserAgentMaxLength),
            Detail = Cap(detail?.ToJson(), ActivityEventConfiguration.DetailMaxLength),
        };
        db.Events.Add(row);
        return row;
    }

    private static string? Cap(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
