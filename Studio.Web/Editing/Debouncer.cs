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
        if (previous is not null)
        {
            await previous.CancelAsync();
            previous.Dispose();
        }

        try
        {
            await Task.Delay(delay, time, current.Token);
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
