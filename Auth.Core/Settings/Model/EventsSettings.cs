namespace Auth.Core.Settings;

/// <summary>The activity log (ADR 0016).</summary>
public sealed class EventsSettings
{
    public const int RetentionDaysMin = 1;
    public const int RetentionDaysMax = 3650;

    /// <summary>Days an event stays before the hourly housekeeping deletes it.</summary>
    public int RetentionDays { get; set; } = 90;
}
