using System.Globalization;
using Auth.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace Auth.Runtime.Messaging;

/// <summary>
/// The node-level outbox knobs from the host configuration (appsettings or environment, not the versioned
/// settings: they size this process, not the app). A value out of bounds stops the start with the key named.
/// </summary>
public static class MessagingConfiguration
{
    public const string Section = "Messaging";

    public static readonly (int Min, int Max) BatchSizeRange = (1, 1000);
    public static readonly (int Min, int Max) SmtpConnectionsRange = (1, 64);
    public static readonly (int Min, int Max) SmtpMessagesPerConnectionRange = (1, 100_000);
    public static readonly (int Min, int Max) SmsConcurrencyRange = (1, 256);
    public static readonly (int Min, int Max) SmsPerSecondRange = (1, 10_000);

    public static MessagingOptions Read(IConfiguration? configuration)
    {
        var options = new MessagingOptions();
        if (configuration is null) return options;
        var section = configuration.GetSection(Section);
        options.BatchSize = Int(section, "BatchSize", options.BatchSize, BatchSizeRange);
        options.SmtpConnections = Int(section, "SmtpConnections", options.SmtpConnections, SmtpConnectionsRange);
        options.SmtpMessagesPerConnection = Int(section, "SmtpMessagesPerConnection", options.SmtpMessagesPerConnection, SmtpMessagesPerConnectionRange);
        options.SmtpPipelining = Bool(section, "SmtpPipelining", options.SmtpPipelining);
        foreach (var provider in Enum.GetValues<SmsProvider>())
        {
            var limits = options.SmsLimits(provider);
            var sms = section.GetSection($"Sms:{provider}");
            limits.MaxConcurrency = Int(sms, "MaxConcurrency", limits.MaxConcurrency, SmsConcurrencyRange);
            limits.MaxPerSecond = Int(sms, "MaxPerSecond", limits.MaxPerSecond, SmsPerSecondRange);
        }
        return options;
    }

    private static bool Bool(IConfigurationSection section, string key, bool fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return bool.TryParse(text, out var value) ? value : throw new InvalidOperationException($"{section.Path}:{key} '{text}' is not true or false.");
    }

    private static int Int(IConfigurationSection section, string key, int fallback, (int Min, int Max) range)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var path = $"{section.Path}:{key}";
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw new InvalidOperationException($"{path} '{text}' is not a whole number.");
        if (value < range.Min || value > range.Max)
            throw new InvalidOperationException($"{path} is {value}; it must be between {range.Min} and {range.Max}.");
        return value;
    }
}
