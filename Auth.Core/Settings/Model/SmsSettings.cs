namespace Auth.Core.Settings;

/// <summary>
/// Credentials for each SMS gateway. Only the one chosen by <see cref="PhoneSettings.SmsProvider"/>
/// is used; without credentials messages are captured in the outbox (dev mailbox).
/// </summary>
public sealed class SmsSettings
{
    public const int MaxPerHourMin = 1;
    public const int MaxPerHourMax = 1_000_000;

    /// <summary>The global budget: texts queued per hour across all numbers; past it, texts stop until the hour ends.</summary>
    public int MaxPerHour { get; set; } = 1000;

    public TwilioSettings Twilio { get; set; } = new();

    public MessageBirdSettings MessageBird { get; set; } = new();

    public VonageSettings Vonage { get; set; } = new();
}

public sealed class TwilioSettings
{
    public string? AccountSid { get; set; }

    /// <summary>Secret.</summary>
    public string? AuthToken { get; set; }

    /// <summary>A sender number or a messaging-service SID.</summary>
    public string? From { get; set; }

    /// <summary>Overrides the real API origin (proxies and tests).</summary>
    public string? ApiBaseUrl { get; set; }
}

public sealed class MessageBirdSettings
{
    /// <summary>Secret.</summary>
    public string? AccessKey { get; set; }

    public string? Originator { get; set; }

    public string? ApiBaseUrl { get; set; }
}

public sealed class VonageSettings
{
    public string? ApiKey { get; set; }

    /// <summary>Secret.</summary>
    public string? ApiSecret { get; set; }

    public string? From { get; set; }

    public string? ApiBaseUrl { get; set; }
}
