namespace Studio.Web.Editing;

/// <summary>
/// Runs the latest of a burst of calls once the burst has been quiet for <c>delay</c>; an earlier call
/// still waiting (or still running) sees its token cancelled. Time comes from the injected clock.
/// </summary>
public sealed class Debouncer(TimeProvider time, TimeSpan delay) : IDisposable
{
    private CancellationTokenSource? _pending;

    public async Task RunAsync(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var previous = _pending;
        var current = new CancellationTokenSource();
        _pending = current;
        try
        {
            // The wait starts before anything can yield, so "delay after the last call" holds exactly.
            var wait = Task.Delay(delay, time, current.Token);
            if (previous is not null)
            {
                previous.Cancel();
                previous.Dispose();
            }
            await wait;
            await action(current.Token);
        }
        catch (OperationCanceledException) when (current.IsCancellationRequested)
        {
            // A newer call took over.
        }
    }

    /// <summary>Runs <paramref name="action"/> now, cancelling anything still waiting.</summary>
    public Task RunNowAsync(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _pending?.Cancel();
        return action(CancellationToken.None);
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = null;
    }
}
