using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Operators;
using Auth.Core.Settings;
using Auth.Core.Throttling;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Core.Tokens;

/// <summary>
/// Deletes one-time tokens (access tokens, links, codes, OAuth states) a day after they expired.
/// They are useless by then, and keeping them only grows the table and the index that every
/// redemption searches. A day's grace keeps them for support questions ("why did my link fail?").
/// Throttle counters (<see cref="Throttles"/>) whose window has ended go in the same sweep. It also deletes
/// local accounts nobody ever proved after <c>email.unverifiedAccountTtlHours</c> (ADR 0007): a squatter's
/// sign-up must not hold someone else's address or number for ever.
/// </summary>
public sealed partial class ExpiredTokenSweeper(
    IDbContextFactory<AuthDbContext> dbFactory,
    ISettingsReader settingsReader,
    Throttles throttles,
    TimeProvider time,
    ILogger<ExpiredTokenSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    /// <summary>Accounts deleted per statement, so one sweep never holds a long write lock.</summary>
    public const int PurgeBatchSize = 200;

    /// <summary>Batches per sweep; what is left waits for the next hour.</summary>
    public const int PurgeMaxBatches = 50;

    /// <summary>One sweep; returns how many token rows went. Safe on several nodes at once.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - Grace;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await db.OneTimeTokens.Where(t => t.ExpiresAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await throttles.SweepAsync(db, ct);
        var purged = await PurgeUnverifiedAsync(db, ct);
        if (purged > 0) LogPurged(logger, purged);
        await SealStuckLockoutsAsync(db, ct);
        return removed;
    }

    /// <summary>Lockout windows a crash left full without a lock become ordinary locks that end (PasswordGate).</summary>
    private async Task SealStuckLockoutsAsync(AuthDbContext db, CancellationToken ct)
    {
        var security = settingsReader.Current.Settings.Security;
        var now = time.GetUtcNow().UtcDateTime;
        await PasswordGate.SealStuckAsync(db.Users, security.LockoutThreshold, now.AddMinutes(security.LockoutMinutes), ct);
        await PasswordGate.SealStuckAsync(db.Operators, OperatorService.LockoutThreshold, now + OperatorService.LockoutDuration, ct);
    }

    /// <summary>
    /// Deletes, in batches, local accounts older than the TTL that never signed in and whose every identifier still
    /// awaits a confirmation the settings require (with confirmation off, unverified is the normal state: kept).
    /// Their tokens and sessions go with them (cascade).
    /// </summary>
    public async Task<int> PurgeUnverifiedAsync(AuthDbContext db, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        var confirmEmail = settings.Email.ConfirmEmail;
        var confirmPhone = settings.Phone.ConfirmPhone;
        if (!confirmEmail && !confirmPhone) return 0;
        var cutoff = time.GetUtcNow().UtcDateTime - TimeSpan.FromHours(settings.Email.UnverifiedAccountTtlHours);
        var unproven = db.Users.Where(u =>
            u.Provider == User.LocalProvider && !u.EmailVerified && !u.PhoneVerified && u.LastLoginAt == null && u.SignUpAt < cutoff
            && (u.NormalizedEmail != null || u.Phone != null)
            && (u.NormalizedEmail == null || confirmEmail)
            && (u.Phone == null || confirmPhone));

        var total = 0;
        for (var batch = 0; batch < PurgeMaxBatches; batch++)
        {
            var ids = await unproven.OrderBy(u => u.SignUpAt).Select(u => u.Id).Take(PurgeBatchSize).ToListAsync(ct);
            if (ids.Count == 0) break;
            // The conditions again in the DELETE: an account confirmed since the SELECT stays.
            total += await unproven.Where(u => ids.Contains(u.Id)).ExecuteDeleteAsync(ct);
            if (ids.Count < PurgeBatchSize) break;
        }
        return total;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} accounts whose address or number was never confirmed.")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired one-time tokens failed; will retry.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
