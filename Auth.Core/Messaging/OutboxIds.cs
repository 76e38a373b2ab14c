using Auth.Core.Tokens;

namespace Auth.Core.Messaging;

/// <summary>
/// Outbox row ids that sort in creation order: 16 hex digits of a per-process strictly increasing tick count, then
/// 64 random bits. The claim orders by CreatedAt and then by id, so two messages to one recipient created in the
/// same clock tick (a coarse clock, or a frozen test clock) still go out in the order they were written: a resent
/// code never arrives before the code it voided.
/// </summary>
public static class OutboxIds
{
    private static long _last;

    public static string Next(DateTime now)
    {
        long current, next;
        do
        {
            current = Interlocked.Read(ref _last);
            next = Math.Max(now.Ticks, current + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, current) != current);
        return next.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + TokenHashing.RandomHex(8);
    }
}
