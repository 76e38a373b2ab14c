namespace Auth.Runtime.Messaging;

/// <summary>How the outbox dispatcher paces, retries and bounds its sends. One instance per node.</summary>
public sealed class MessagingOptions
{
    /// <summary>Tries per message before it is dead-lettered as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed try; it doubles after each, with ±20 % jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claim lasts; a node that dies mid-send leaves the message to another after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The bound on one SMTP conversation or one provider request (wall clock, it is about sockets).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the dispatcher looks for due messages when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 20;
}
