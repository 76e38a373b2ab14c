using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Throttling;
using Auth.Core.Users;

namespace Auth.Core.Messaging;

/// <summary>
/// What every message to a recipient must pass before it is queued, taken inside the transaction that
/// queues it (so a refused or failed send gives every count back): the per-recipient cooldown
/// (<c>security.sendCooldownSeconds</c>, one message per recipient and purpose per window) and, for texts,
/// the number policy (<see cref="PhoneNumberPolicy"/>), the per-number daily cap, the per-IP hourly cap
/// and the global hourly budget (<see cref="SmsBudget"/>). The counters are taken in this fixed order so
/// concurrent sends lock them in the same order.
/// </summary>
public sealed class SendLimits(Throttles throttles, ISettingsReader settingsReader, IClientAddress client)
{
    public async Task<AuthError?> TakeAsync(AuthDbContext db, string channel, string purpose, string to, CancellationToken ct)
    {
        var settings = settingsReader.Current.Settings;
        var security = settings.Security;
        if (channel == OutboxChannel.Sms && PhoneNumberPolicy.Check(settings.Phone, to) is { } blocked) return blocked;

        if (security.SendCooldownSeconds > 0)
        {
            var cooldown = await throttles.TryTakeAsync(db, $"cooldown:{purpose}:{to.ToLowerInvariant()}", 1,
                TimeSpan.FromSeconds(security.SendCooldownSeconds), ct);
            if (!cooldown.Allowed) return Limited(cooldown, CooldownLimit, "A message was sent to this recipient moments ago; wait before asking again.");
        }

        if (channel != OutboxChannel.Sms) return null;
        var perNumber = await throttles.TryTakeAsync(db, $"sms:number:{to}", security.SmsPerNumberPerDay, TimeSpan.FromDays(1), ct);
        if (!perNumber.Allowed) return Limited(perNumber, "smsPerNumberPerDay", "This phone number has received too many texts today; try again later.");

        if (client.Current is { } ip)
        {
            var perIp = await throttles.TryTakeAsync(db, $"sms:ip:{ip}", security.SmsPerIpPerHour, TimeSpan.FromHours(1), ct);
            if (!perIp.Allowed) return Limited(perIp, "smsPerIpPerHour", "Too many texts were requested from this address; try again later.");
        }

        var budget = await throttles.TryTakeAsync(db, SmsBudget.Key, settings.Sms.MaxPerHour, SmsBudget.Window, ct);
        return budget.Allowed ? null : Limited(budget, "smsMaxPerHour", "Text messages are paused for now; try again later.");
    }

    private const string CooldownLimit = "sendCooldown";

    /// <summary>True for the per-recipient cooldown (a sign-up in it is saved without a message; resend comes later).</summary>
    public static bool IsCooldown(AuthError error) =>
        error.Details?.TryGetValue("limit", out var limit) == true && limit as string == CooldownLimit;

    // details.limit tells a client which limit it hit, so it can say more than "try later".
    private static AuthError Limited(ThrottleTake take, string limit, string message) =>
        new(AuthErrors.RateLimitExceeded, message, new Dictionary<string, object?> { ["limit"] = limit })
        {
            RetryAfterSeconds = take.RetryAfterSeconds,
        };
}
