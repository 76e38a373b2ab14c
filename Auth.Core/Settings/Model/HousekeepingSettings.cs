namespace Auth.Core.Settings;

/// <summary>How long finished rows are kept before the hourly housekeeping deletes them (ADR 0011).</summary>
public sealed class HousekeepingSettings
{
    public const int RetentionDaysMin = 1;
    public const int RetentionDaysMax = 3650;

    /// <summary>Days a session row stays after it expired or was revoked (support questions: "who signed me out?").</summary>
    public int SessionRetentionDays { get; set; } = 7;

    /// <summary>Days a sent (or captured) outbox message stays: the delivery log and the dev mailbox.</summary>
    public int SentMessageRetentionDays { get; set; } = 30;

    /// <summary>Days a message that finally failed stays, so operators can see why.</summary>
    public int FailedMessageRetentionDays { get; set; } = 90;

    /// <summary>Days an expired one-time token (link, code, access token, OAuth state) stays.</summary>
    public int TokenRetentionDays { get; set; } = 1;
}
