using Auth.Core.Settings;

namespace Auth.Runtime.Messaging;

/// <summary>
/// How the outbox dispatcher paces, retries and bounds its sends. One instance per node; the parallelism knobs
/// come from the host configuration (<c>Messaging:*</c>, see <see cref="MessagingConfiguration"/>).
/// </summary>
public sealed class MessagingOptions
{
    /// <summary>Tries per message before it is dead-lettered as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed try; it doubles after each, with ±20 % jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claim lasts; a node that dies mid-batch leaves its messages to another after this. A batch that
    /// runs longer renews it (see <c>OutboxBatch</c>), so it must stay well above <see cref="SendTimeout"/>.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The bound on one SMTP conversation or one provider request (wall clock, it is about sockets).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the dispatcher looks for due messages when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages leased by one claim (at most one per recipient); <c>Messaging:BatchSize</c>.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>SMTP connections this node keeps open and sends over in parallel; <c>Messaging:SmtpConnections</c>.</summary>
    public int SmtpConnections { get; set; } = 4;

    /// <summary>Messages sent over one SMTP connection before it is closed and a new one opened (servers cap this); <c>Messaging:SmtpMessagesPerConnection</c>.</summary>
    public int SmtpMessagesPerConnection { get; set; } = 100;

    /// <summary>
    /// Whether MAIL FROM, RCPT TO and DATA go out together where the server offers PIPELINING; <c>Messaging:SmtpPipelining</c>.
    /// Off by default: it saves two round trips per message, little on a nearby relay, while a server that writes
    /// its pipelined replies one by one with Nagle on (the SmtpServer package, for one) stalls every message on the
    /// client's 40 ms delayed ACK: 4 connections then top out near 100 e-mails/s.
    /// </summary>
    public bool SmtpPipelining { get; set; }

    /// <summary>A kept SMTP connection unused this long is closed rather than reused (servers drop idle sessions).</summary>
    public TimeSpan SmtpIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Per SMS provider: requests in flight and requests started per second on this node; <c>Messaging:Sms:{Provider}:*</c>.</summary>
    public Dictionary<SmsProvider, SmsProviderLimits> Sms { get; } =
        Enum.GetValues<SmsProvider>().ToDictionary(p => p, _ => new SmsProviderLimits());

    public SmsProviderLimits SmsLimits(SmsProvider provider) =>
        Sms.TryGetValue(provider, out var limits) ? limits : Sms[provider] = new SmsProviderLimits();
}

/// <summary>
/// A provider's limits as this node applies them. Providers count per account, so with several nodes set each
/// node's share. The defaults stay below the lowest documented default among the three (Vonage: 30 requests/s).
/// </summary>
public sealed class SmsProviderLimits
{
    public int MaxConcurrency { get; set; } = 4;

    public int MaxPerSecond { get; set; } = 20;
}
