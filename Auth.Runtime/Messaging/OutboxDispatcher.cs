using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Runtime.Messaging;

/// <summary>
/// Sends due outbox messages. Messages are claimed in batches with a lease by one conditional UPDATE, so any
/// number of nodes on one database never send one twice, and a batch is sent in parallel (kept SMTP
/// connections, bounded SMS requests: <see cref="SendGates"/>) without ever having two messages to one
/// recipient in flight; failures are retried with exponential backoff and jitter, then dead-lettered as
/// <c>failed</c> with the error kept. Without a transport for its channel a message is <c>captured</c> (the dev mailbox).
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxLeases leases,
    ISettingsReader settingsReader,
    SmtpEmailSender email,
    SmtpConnectionPool pool,
    SendGates gates,
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
    private long _claims;

    /// <summary>This node's name; LeaseOwner is it plus the number of the claim (<c>{NodeId}.{n}</c>).</summary>
    public string NodeId { get; } = CreateNodeId();

    private static string CreateNodeId()
    {
        var machine = Environment.MachineName;
        return $"{(machine.Length > 38 ? machine[..38] : machine)}-{TokenHashing.RandomHex(8)}";
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
    /// <param name="sendToken">Aborts the messages being sent (their leases are then released).</param>
    private async Task<int> DispatchAsync(CancellationToken claimToken, CancellationToken sendToken)
    {
        await _pass.WaitAsync(claimToken);
        try
        {
            var handled = 0;
            // Claim after claim until nothing is due: a recipient's next message becomes claimable once the
            // batch holding the one before it has finished.
            while (!claimToken.IsCancellationRequested)
            {
                var claim = $"{NodeId}.{Interlocked.Increment(ref _claims):x}";
                var now = Now();
                var until = now + options.LeaseDuration;
                var batch = await Leases.ClaimAsync(claim, options.BatchSize, now, until, sendToken);
                if (batch.Count == 0) break;
                handled += await new OutboxBatch(this, claim, until).RunAsync(batch, claimToken, sendToken);
            }
            return handled;
        }
        finally
        {
            _pass.Release();
            await pool.CloseIdleAsync();
        }
    }

    internal ISettingsReader Settings => settingsReader;

    internal OutboxLeases Leases => leases;

    internal SendGates Gates => gates;

    internal MessagingOptions Options => options;

    internal async Task<SendOutcome> SendAsync(OutboxMessage message, AuthSettings settings, CancellationToken ct)
    {
        try
        {
            return message.Channel == OutboxChannel.Sms ? await SendSmsAsync(message, settings, ct) : await email.SendAsync(message, settings.Smtp, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A sender bug must not leave the row leased forever; it is retried like any failure.
            LogSendCrashed(logger, ex, message.Id);
            return SendOutcome.Retry("Unexpected error while sending: " + ex.GetType().Name);
        }
    }

    /// <summary>The row's next state after a failed try: a retry after the backoff, or dead-lettered.</summary>
    internal OutboxOutcome Failed(OutboxMessage message, SendOutcome outcome)
    {
        var attempts = message.Attempts + 1;
        if (outcome.Permanent || attempts >= options.MaxAttempts)
        {
            LogDeadLettered(logger, message.Id, message.Type, attempts, outcome.Error);
            return new OutboxOutcome(message.Id, OutboxStatus.Failed, attempts, null, null, outcome.Error);
        }
        return new OutboxOutcome(message.Id, OutboxStatus.Pending, attempts, null, Now() + Backoff(attempts), outcome.Error);
    }

    private Task<SendOutcome> SendSmsAsync(OutboxMessage message, AuthSettings settings, CancellationToken ct)
    {
        var sender = smsSenders.FirstOrDefault(s => s.Provider == settings.Phone.SmsProvider);
        return sender is null
            ? Task.FromResult(SendOutcome.Reject($"No sender for {settings.Phone.SmsProvider}."))
            : sender.SendAsync(message, settings.Sms, ct);
    }

    /// <summary>Hands unfinished claims back: pending again, due now, the attempt not counted.</summary>
    internal async Task ReleaseAsync(string claim, IReadOnlyCollection<string> ids)
    {
        try
        {
            await leases.ReleaseAsync(claim, ids);
            LogReleased(logger, ids.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease then simply runs out, as if this node had died.
            LogReleaseFailed(logger, ex, string.Join(", ", ids));
        }
    }

    /// <summary>base × 2^(attempt−1), capped, times a random 0.8–1.2 so retries of many messages spread out.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBaseDelay.TotalSeconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }

    internal DateTime Now() => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox pass failed; the next one will retry.")]
    private static partial void LogPassFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Count} claimed outbox message(s) not sent or aborted (shutdown timeout) were handed back.")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand back the leases of outbox messages {Ids}; they are retried when the lease runs out.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception ex, string ids);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending outbox message {Id} threw.")]
    private static partial void LogSendCrashed(ILogger logger, Exception ex, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Type}) failed for good after {Attempts} attempt(s): {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string id, string type, int attempts, string? error);
}
