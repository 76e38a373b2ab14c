using Auth.Core.Settings;
using Auth.Runtime.Messaging;
using Microsoft.Extensions.Configuration;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>The node-level outbox knobs (Messaging:*): defaults, the keys read, and bounds that stop the start.</summary>
public sealed class MessagingConfigurationTests
{
    [Fact]
    public void Read_NoMessagingSection_KeepsTheDefaults()
    {
        var options = MessagingConfiguration.Read(Config());
        Assert.Equal((50, 4, 100, false), (options.BatchSize, options.SmtpConnections, options.SmtpMessagesPerConnection, options.SmtpPipelining));
        Assert.All(Enum.GetValues<SmsProvider>(), p => Assert.Equal((4, 20), (options.SmsLimits(p).MaxConcurrency, options.SmsLimits(p).MaxPerSecond)));
    }

    [Fact]
    public void Read_EveryKey_SetsItsOption()
    {
        var options = MessagingConfiguration.Read(Config(
            ("Messaging:BatchSize", "200"), ("Messaging:SmtpConnections", "8"), ("Messaging:SmtpMessagesPerConnection", "500"),
            ("Messaging:SmtpPipelining", "true"), ("Messaging:Sms:Vonage:MaxConcurrency", "2"), ("Messaging:Sms:Vonage:MaxPerSecond", "30")));
        Assert.Equal((200, 8, 500, true), (options.BatchSize, options.SmtpConnections, options.SmtpMessagesPerConnection, options.SmtpPipelining));
        Assert.Equal((2, 30), (options.SmsLimits(SmsProvider.Vonage).MaxConcurrency, options.SmsLimits(SmsProvider.Vonage).MaxPerSecond));
        Assert.Equal(4, options.SmsLimits(SmsProvider.Twilio).MaxConcurrency);
    }

    [Theory]
    [InlineData("Messaging:SmtpConnections", "0", "between 1 and 64")]
    [InlineData("Messaging:SmtpConnections", "65", "between 1 and 64")]
    [InlineData("Messaging:BatchSize", "1001", "between 1 and 1000")]
    [InlineData("Messaging:SmtpMessagesPerConnection", "0", "between 1 and 100000")]
    [InlineData("Messaging:Sms:Twilio:MaxConcurrency", "257", "between 1 and 256")]
    [InlineData("Messaging:Sms:MessageBird:MaxPerSecond", "0", "between 1 and 10000")]
    [InlineData("Messaging:SmtpConnections", "four", "not a whole number")]
    [InlineData("Messaging:SmtpPipelining", "yes", "not true or false")]
    public void Read_ValueOutOfBounds_FailsNamingTheKey(string key, string value, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MessagingConfiguration.Read(Config((key, value))));
        Assert.StartsWith(key + " ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
