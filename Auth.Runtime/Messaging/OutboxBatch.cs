using System.Collections.Concurrent;
using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Auth.Core.Settings;

namespace Auth.Runtime.Messaging;

/// <summary>
/// One claim's messages, sent in parallel within the node's <see cref="SendGates"/>. The claim holds at most one
/// message per recipient (see <see cref="OutboxLeases.ClaimAsync"/>), so the parallel sends never reorder one
/// recipient's messages. Delivered rows are marked sent together when the batch ends; other outcomes at once.
/// A stop lets sends under way finish and hands back the ones not started; an abort hands back those too.
/// </summary>
internal sealed class OutboxBatch(OutboxDispatcher dispatcher, string claim, DateTime leaseUntil)
{
    private readonly ConcurrentQueue<string> _delivered = new();
    private readonly ConcurrentQueue<string> _handBack = new();
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private HashSet<string>? _held;
    private DateTime _leaseUntil = leaseUntil;
    private int _handled;

    /// <returns>How many messages reached an outcome (sent, captured, retried or failed).</returns>
    public async Task<int> RunAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken claimToken, CancellationToken sendToken)
    {
        var settings = dispatcher.Settings.Current.Settings;
        try
        {
            await Task.WhenAll(messages.Select(m => DeliverAsync(m, settings, claimToken, sendToken)));
        }
        catch (OperationCanceledException) when (sendToken.IsCancellationRequested)
        {
            // Every task has ended (WhenAll waits for all); the aborted ones are in _handBack.
        }
        finally
        {
            _renewal.Dispose();
            await dispatcher.Leases.MarkSentAsync(claim, [.. _delivered], dispatcher.Now());
            if (!_handBack.IsEmpty)
            {
                await dispatcher.ReleaseAsync(claim, [.. _handBack]);
            }
        }
        sendToken.ThrowIfCancellationRequested();
        return _handled;
    }

    private async Task DeliverAsync(OutboxMessage message, AuthSettings settings, CancellationToken claimToken, CancellationToken sendToken)
    {
        // Yield first, so one batch's messages start side by side rather than one inside the other's call.
        await Task.Yield();
        if (!MessageTransports.Has(settings, message.Channel))
        {
            await Finish(message, new OutboxOutcome(message.Id, OutboxStatus.Captured, message.Attempts, null, null, null));
            return;
        }

        IDisposable slot;
        try
        {
            slot = await dispatcher.Gates.EnterAsync(message.Channel, settings.Phone.SmsProvider, claimToken);
        }
        catch (OperationCanceledException) when (claimToken.IsCancellationRequested)
        {
            _handBack.Enqueue(message.Id); // stopping: not started, so due again at once for the next node or start
            return;
        }

        using (slot)
        {
            if (claimToken.IsCancellationRequested)
            {
                _handBack.Enqueue(message.Id);
                return;
            }
            if (!await StillHeldAsync(message.Id)) return; // the lease ran out and another node took it over

            SendOutcome outcome;
            try
            {
                outcome = await dispatcher.SendAsync(message, settings, sendToken);
            }
            catch (OperationCanceledException) when (sendToken.IsCancellationRequested)
            {
                // Aborted (shutdown timeout, or the caller gave up): whether it went out is unknown; hand the lease
                // back so it is due now rather than after the lease.
                _handBack.Enqueue(message.Id);
                throw;
            }
            if (outcome.Delivered)
            {
                _delivered.Enqueue(message.Id);
                Interlocked.Increment(ref _handled);
            }
            else await Finish(message, dispatcher.Failed(message, outcome));
        }
    }

    private async Task Finish(OutboxMessage message, OutboxOutcome outcome)
    {
        await dispatcher.Leases.FinishAsync(claim, outcome);
        Interlocked.Increment(ref _handled);
    }

    /// <summary>
    /// True while the claim still owns the row, renewing the whole claim once half the lease is gone: a batch on a
    /// slow server may outlast one lease, and a send started now must end before the lease does.
    /// </summary>
    private async Task<bool> StillHeldAsync(string id)
    {
        var half = dispatcher.Options.LeaseDuration / 2;
        if (_leaseUntil - dispatcher.Now() > half) return _held?.Contains(id) ?? true;
        await _renewal.WaitAsync();
        try
        {
            if (_leaseUntil - dispatcher.Now() <= half)
            {
                var until = dispatcher.Now() + dispatcher.Options.LeaseDuration;
                _held = await dispatcher.Leases.RenewAsync(claim, until);
                _leaseUntil = until;
            }
            return _held?.Contains(id) ?? true;
        }
        finally
        {
            _renewal.Release();
        }
    }
}
