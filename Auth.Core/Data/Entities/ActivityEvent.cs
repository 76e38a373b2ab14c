namespace Auth.Core.Data.Entities;

/// <summary>
/// One thing that happened (a sign-in, a failed sign-in, a publish…), written in the same transaction as the change it
/// records (ADR 0016). <see cref="Detail"/> is a small JSON object of allow-listed fields; never a secret.
/// </summary>
public sealed class ActivityEvent
{
    public required string Id { get; set; }
    /// <summary>e.g. <c>user.signin</c>; see <c>Auth.Core.Activity.EventTypes</c>.</summary>
    public required string Type { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>user, operator or system.</summary>
    public required string ActorType { get; set; }
    public string? ActorId { get; set; }
    /// <summary>The user the event is about (the subject), when there is one.</summary>
    public string? UserId { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
    public string? Detail { get; set; }
}
