namespace Auth.Core.Data.Entities;

/// <summary>
/// How many events of one type and key (provider, sign-in method or channel) happened on one closed UTC day: the
/// dashboard reads these instead of the events, and they outlive the events' retention (ADR 0019). A day's rows are
/// rewritten whole by <c>EventRollups</c>; the row with type <c>*</c> marks the day as rolled up.
/// </summary>
public sealed class EventDailyCount
{
    /// <summary>Midnight UTC of the day.</summary>
    public DateTime Day { get; set; }
    public required string Type { get; set; }
    /// <summary>The provider, the first sign-in method or the channel; empty when the event has none.</summary>
    public required string Key { get; set; }
    public int Count { get; set; }
}
