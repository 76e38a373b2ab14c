using Auth.Core.Data;
using Auth.Core.Throttling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Core.Tokens;

/// <summary>
/// Deletes one-time tokens (access tokens, links, codes, OAuth states) a day after they expired.
/// They are useless by then, and keeping them only grows the table and the index that every
/// redemption searches. A day's grace keeps them for support questions ("why did my link fail?").
/// Throttle counters (<see cref="Throttles"/>) whose window has ended go in the same sweep.
/// </summary>
public sealed partial class ExpiredTokenSweeper(
    IDbContextFactory<AuthDbContext> dbFactory,
    Throttles throttles,
    TimeProvider time,
    ILogger<ExpiredTokenSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    /// <summary>One sweep; returns how many rows went. Safe on several nodes at once.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - Grace;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await db.OneTimeTokens.Where(t => t.ExpiresAt < cutoff).ExecuteDeleteAsync(ct);
        return tokens + await throttles.SweepAsync(db, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await SweepOnceAsync(stoppingToken);
                if (removed > 0) LogSwept(logger, removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired one-time tokens and throttle counters.")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired one-time tokens failed; will retry.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
