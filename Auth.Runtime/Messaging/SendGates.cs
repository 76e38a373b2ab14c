using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Auth.Core.Messaging;
using Auth.Core.Settings;

namespace Auth.Runtime.Messaging;

/// <summary>
/// This node's bounds on sends in flight, shared by every dispatcher in the process: e-mails up to
/// <see cref="MessagingOptions.SmtpConnections"/> (one per kept connection), texts per provider up to its
/// <see cref="SmsProviderLimits.MaxConcurrency"/> and <see cref="SmsProviderLimits.MaxPerSecond"/>.
/// </summary>
public sealed class SendGates(MessagingOptions options) : IDisposable
{
    private readonly SemaphoreSlim _smtp = new(options.SmtpConnections, options.SmtpConnections);
    private readonly ConcurrentDictionary<SmsProvider, SmsGate> _sms = new();

    /// <summary>Waits for a slot (and, for SMS, a permit of the provider's rate); dispose the result when the send is over.</summary>
    public async Task<IDisposable> EnterAsync(string channel, SmsProvider provider, CancellationToken ct)
    {
        if (channel != OutboxChannel.Sms)
        {
            await _smtp.WaitAsync(ct);
            return new Slot(_smtp);
        }
        var gate = _sms.GetOrAdd(provider, p => new SmsGate(options.SmsLimits(p)));
        return await gate.EnterAsync(ct);
    }

    public void Dispose()
    {
        _smtp.Dispose();
        foreach (var gate in _sms.Values) gate.Dispose();
    }

    private sealed class Slot(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }

    private sealed class SmsGate(SmsProviderLimits limits) : IDisposable
    {
        private readonly SemaphoreSlim _inFlight = new(limits.MaxConcurrency, limits.MaxConcurrency);

        // A sliding window (ten segments) rather than a bucket, so no second sees more than the limit start.
        // It runs on the wall clock: the provider counts real seconds.
        private readonly SlidingWindowRateLimiter _rate = new(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limits.MaxPerSecond,
            Window = TimeSpan.FromSeconds(1),
            SegmentsPerWindow = 10,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

        public async Task<IDisposable> EnterAsync(CancellationToken ct)
        {
            // The slot first: a message waiting for a slot must not hold a permit of the rate meanwhile.
            await _inFlight.WaitAsync(ct);
            try
            {
                using var permit = await _rate.AcquireAsync(1, ct);
                if (!permit.IsAcquired) throw new InvalidOperationException("The SMS rate limiter refused a permit.");
                return new Slot(_inFlight);
            }
            catch
            {
                _inFlight.Release();
                throw;
            }
        }

        public void Dispose()
        {
            _inFlight.Dispose();
            _rate.Dispose();
        }
    }
}
