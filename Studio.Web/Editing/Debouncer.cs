namespace Studio.Web.Editing;

/// <summary>
/// Runs the latest of a burst of calls once the burst has been quiet for <c>delay</c>; an earlier call
/// still waiting (or still running) sees its token cancelled. Time comes from the injected clock.
/// </summary>
/// <remarks>
/// Each call owns its <see cref="CancellationTokenSource"/> and is the only one to dispose it, on its way out.
/// A newer call (or <see cref="Dispose"/>) only cancels it: the older call's continuation may already be
/// queued on the circuit's dispatcher when the newer call runs, and disposing the source under it made that
/// continuation throw <see cref="ObjectDisposedException"/>, which ended the circuit.
/// </remarks>
public sealed class Debouncer(TimeProvider time, TimeSpan delay) : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _pending;
    private bool _disposed;

    public async Task RunAsync(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var current = new CancellationTokenSource();
        var token = current.Token;
        try
        {
            // The wait starts before anything can yield, so "delay after the last call" holds exactly.
            var wait = Task.Delay(delay, time, token);
            lock (_gate)
            {
                if (_disposed) return;
                _pending?.Cancel();
                _pending = current;
            }
            await wait;
            // The wait may have ended just before a newer call (or Dispose) cancelled this one.
            token.ThrowIfCancellationRequested();
            await action(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer call took over, or the owner went away.
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_pending, current)) _pending = null;
            }
            current.Dispose();
        }
    }

    /// <summary>Runs <paramref name="action"/> now, cancelling anything still waiting.</summary>
    public Task RunNowAsync(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            if (_disposed) return Task.CompletedTask;
            _pending?.Cancel();
            _pending = null;
        }
        return action(CancellationToken.None);
    }

    /// <summary>Cancels what is waiting or running; later calls do nothing. The calls dispose their own sources.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending?.Cancel();
            _pending = null;
        }
    }
}
