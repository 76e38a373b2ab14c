using System.Collections.Concurrent;

namespace Auth.Runtime.Http;

/// <summary>
/// A fixed one-minute window per client IP. Per node by design (docs/architecture.md: per-IP limits may be per
/// node); the per-account counters that must be shared (lockout, send cooldown) live in the database.
/// Uses <see cref="TimeProvider"/> so tests can move the window.
/// </summary>
public sealed class IpRateLimiter(TimeProvider time)
{
    /// <summary>
    /// Operator sign-in attempts (studio form, management-API token and setup) per address and minute. Fixed,
    /// not <c>security.ipRequestsPerMinute</c>: that setting is the app's, and raising it for app traffic
    /// must not open the studio to password guessing.
    /// </summary>
    public const int OperatorAttemptsPerMinute = 20;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int MaxTrackedClients = 100_000;
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Counts one request; returns the seconds to wait when the client is over <paramref name="perMinute"/>.</summary>
    public int? TryAcquire(string client, int perMinute)
    {
        var now = time.GetUtcNow();
        if (_counters.Count > MaxTrackedClients) Purge(now);
        var counter = _counters.GetOrAdd(client, _ => new Counter(now));
        lock (counter)
        {
            if (now - counter.WindowStart >= Window)
            {
                counter.WindowStart = now;
                counter.Count = 0;
            }

            if (counter.Count >= perMinute)
                return Math.Max(1, (int)Math.Ceiling((counter.WindowStart + Window - now).TotalSeconds));
            counter.Count++;
            return null;
        }
    }

    /// <summary>Counts one operator sign-in attempt from <paramref name="client"/> in its own bucket; the seconds to wait when over.</summary>
    public int? TryAcquireOperatorAttempt(string client) => TryAcquire("operator " + client, OperatorAttemptsPerMinute);

    /// <summary>The address a request is counted under.</summary>
    public static string ClientOf(Microsoft.AspNetCore.Http.HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private void Purge(DateTimeOffset now)
    {
        foreach (var (key, counter) in _counters)
            if (now - counter.WindowStart >= Window) _counters.TryRemove(key, out _);
    }

    private sealed class Counter(DateTimeOffset start)
    {
        public DateTimeOffset WindowStart { get; set; } = start;
        public int Count { get; set; }
    }
}
