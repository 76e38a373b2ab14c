using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Runtime.Messaging;

/// <summary>
/// Sends due outbox messages. Each message is claimed with a lease by one conditional UPDATE, so any
/// number of nodes on one database never send it twice; failures are retried with exponential backoff
/// and jitter, then dead-lettered as <c>failed</c> with the error kept. Without a transport for its
/// channel a message is <c>captured</c> (the dev mailbox).
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<AuthDbContext> dbFactory,
    ISettingsReader settingsReader,
    SmtpEmailSender email,
    IEnumerable<SmsSender> smsSenders,
    OutboxSignal signal,
    MessagingOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ReleaseGrace = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly CancellationTokenSource _abortSends = new();
    private volatile bool _disposed;

    /// <summary>This node's name in LeaseOwner.</summary>
    public string NodeId { get; } = CreateNodeId();

    private static string CreateNodeId()
    {
        var machine = Environment.MachineName;
        return $"{(machine.Length > 40 ? machine[..40] : machine)}-{TokenHashing.RandomHex(8)}";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Stopping ends the claiming of new messages; a send under way runs on until the host's
                // shutdown timeout (see StopAsync), so a routine restart neither cuts it off nor re-sends it.
                await DispatchAsync(stoppingToken, _abortSends.Token);
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(logger, ex);
                await Task.Delay(options.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Waits for the message being sent until <paramref name="cancellationToken"/> (the host's shutdown
    /// timeout) fires; then the send is aborted and its lease handed back, so the next node or start sends
    /// it at once instead of after the lease runs out.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host stopped again after it was disposed (tests do; so can a host that failed mid-start): nothing runs.
        if (_disposed) return;
        using (cancellationToken.Register(() => { if (!_disposed) _abortSends.Cancel(); }))
        {
            await base.StopAsync(cancellationToken);
        }
        // After the timeout the base no longer waits; the release is one UPDATE, give it a moment to land.
        if (ExecuteTask is { IsCompleted: false } running)
            await running.WaitAsync(ReleaseGrace, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public override void Dispose()
    {
        _disposed = true;
        _abortSends.Dispose();
        _pass.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// One pass over everything due now (by the injected clock). Passes on one node run one at a time,
    /// so a caller (a test, the studio's "send now") sees the work of any pass already running finish first.
    /// Returns how many messages this pass handled.
    /// </summary>
    public Task<int> DispatchOnceAsync(CancellationToken ct = default) => DispatchAsync(ct, ct);

    /// <param name="claimToken">Stops taking new messages.</param>
    /// <param name="sendToken">Aborts the message being sent (its lease is then released).</param>
    private async Task<int> DispatchAsync(CancellationToken claimToken, CancellationToken sendToken)
    {
        await _pass.WaitAsync(claimToken);
        try
        {
            var handled = 0;
            while (true)
            {
                var batch = await DueAsync(claimToken);
                var claimedAny = false;
                foreach (var id in batch)
                {
                    if (claimToken.IsCancellationRequested) return handled;
                    if (await ClaimAsync(id, sendToken) is not { } message) continue;
                    claimedAny = true;
                    await DeliverAsync(message, sendToken);
                    handled++;
                }
                if (batch.Count < options.BatchSize || !claimedAny) return handled;
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<List<string>> DueAsync(CancellationToken ct)
    {
        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                        || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Select(m => m.Id).Take(options.BatchSize).ToListAsync(ct);
    }

    /// <summary>The lease: one conditional UPDATE; the node whose UPDATE touched the row owns it.</summary>
    private async Task<OutboxMessage?> ClaimAsync(string id, CancellationToken ct)
    {
        var now = Now();
        var until = now + options.LeaseDuration;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && ((m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                                       || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseOwner, NodeId)
                .SetProperty(m => m.LeaseUntil, until), ct);
        // Once claimed, reading the row back is not cancellable: the claim must reach DeliverAsync to be finished or released.
        return claimed == 1 ? await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, CancellationToken.None) : null;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var settings = settingsReader.Current.Settings;
        if (!MessageTransports.Has(settings, message.Channel))
        {
            await FinishAsync(message.Id, OutboxStatus.Captured, message.Attempts, null, null, null);
            return;
        }

        SendOutcome outcome;
        try
        {
            outcome = message.Channel == OutboxChannel.Sms ? await SendSmsAsync(message, settings, ct) : await email.SendAsync(message, settings.Smtp, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Aborted (shutdown timeout, or the caller gave up): whether it went out is unknown; hand the
            // lease back so it is due now rather than after the lease, and let the cancellation through.
            await ReleaseAsync(message.Id);
            LogReleased(logger, message.Id);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A sender bug must not leave the row leased forever; it is retried like any failure.
            LogSendCrashed(logger, ex, message.Id);
            outcome = SendOutcome.Retry("Unexpected error while sending: " + ex.GetType().Name);
        }

        var attempts = message.Attempts + 1;
        var now = Now();
        if (outcome.Delivered)
            await FinishAsync(message.Id, OutboxStatus.Sent, attempts, now, null, null);
        else if (outcome.Permanent || attempts >= options.MaxAttempts)
        {
            LogDeadLettered(logger, message.Id, message.Type, attempts, outcome.Error);
            await FinishAsync(message.Id, OutboxStatus.Failed, attempts, null, null, outcome.Error);
        }
        else
            await FinishAsync(message.Id, OutboxStatus.Pending, attempts, null, now + Backoff(attempts), outcome.Error);
    }

    private Task<SendOutcome> SendSmsAsync(OutboxMessage message, AuthSettings settings, CancellationToken ct)
    {
        var sender = smsSenders.FirstOrDefault(s => s.Provider == settings.Phone.SmsProvider);
        return sender is null
            ? Task.FromResult(SendOutcome.Reject($"No sender for {settings.Phone.SmsProvider}."))
            : sender.SendAsync(message, settings.Sms, ct);
    }

    /// <summary>
    /// Records the outcome, only while this node still holds the lease. Not cancellable: the send has
    /// happened, and a stop must not leave a delivered message "sending" to be delivered again.
    /// </summary>
    private async Task FinishAsync(string id, string status, int attempts, DateTime? sentAt, DateTime? nextAttemptAt, string? error)
    {
        var ct = CancellationToken.None;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.OutboxMessages
            .Where(m => m.Id == id && m.LeaseOwner == NodeId && m.Status == OutboxStatus.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);
    }

    /// <summary>Hands an unfinished claim back: pending again, due now, the attempt not counted.</summary>
    private async Task ReleaseAsync(string id)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.OutboxMessages
                .Where(m => m.Id == id && m.LeaseOwner == NodeId && m.Status == OutboxStatus.Sending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Pending)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease then simply runs out, as if this node had died.
            LogReleaseFailed(logger, ex, id);
        }
    }

    /// <summary>base × 2^(attempt−1), capped, times a random 0.8–1.2 so retries of many messages spread out.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBaseDelay.TotalSeconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox pass failed; the next one will retry.")]
    private static partial void LogPassFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {Id} was aborted (shutdown timeout); its lease was handed back.")]
    private static partial void LogReleased(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand back the lease of outbox message {Id}; it is retried when the lease runs out.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception ex, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending outbox message {Id} threw.")]
    private static partial void LogSendCrashed(ILogger logger, Exception ex, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Type}) failed for good after {Attempts} attempt(s): {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string id, string type, int attempts, string? error);
}
