namespace Auth.Core.Messaging;

/// <summary>The states of an outbox row.</summary>
public static class OutboxStatus
{
    /// <summary>Waiting for the dispatcher (first try or a retry at NextAttemptAt).</summary>
    public const string Pending = "pending";

    /// <summary>Claimed by one node until LeaseUntil.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>No transport is configured: the message stays here as the dev mailbox.</summary>
    public const string Captured = "captured";

    /// <summary>Dead-lettered after the last attempt (or a permanent refusal); LastError says why.</summary>
    public const string Failed = "failed";
}

/// <summary>The outbox's channel column.</summary>
public static class OutboxChannel
{
    public const string Email = "email";
    public const string Sms = "sms";
}
