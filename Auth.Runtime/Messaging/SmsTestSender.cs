using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Users;

namespace Auth.Runtime.Messaging;

/// <summary>
/// The studio's "send test SMS": one real message through the chosen provider's sender with the given
/// (draft) credentials, straight away rather than through the outbox, whose dispatcher uses the published ones.
/// </summary>
public sealed class SmsTestSender(IEnumerable<SmsSender> senders)
{
    public async Task<TransportCheck> SendAsync(AuthSettings settings, string? to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var provider = settings.Phone.SmsProvider;
        var number = PhoneNumber.NormalizeE164(to, "to");
        if (!number.IsSuccess) return TransportCheck.Failure(number.Error.Message, []);
        if (senders.FirstOrDefault(s => s.Provider == provider) is not { } sender)
            return TransportCheck.Failure($"There is no sender for {provider}.", []);

        // Never saved: it only carries the recipient and text to the sender.
        var message = new OutboxMessage
        {
            Id = "studio-test",
            Channel = OutboxChannel.Sms,
            Type = "test",
            To = number.Value,
            Body = $"Test message from {settings.App.Name}: your {provider} settings work.",
            Status = OutboxStatus.Sending,
        };
        var outcome = await sender.SendAsync(message, settings.Sms, ct);
        return outcome.Delivered
            ? TransportCheck.Success($"{provider} accepted the test message to {number.Value}.", [$"Sent: \"{message.Body}\""])
            : TransportCheck.Failure(outcome.Error ?? $"{provider} did not accept the message.", []);
    }
}
