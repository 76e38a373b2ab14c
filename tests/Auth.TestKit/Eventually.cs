using Xunit;
using Xunit.Sdk;

namespace Auth.TestKit;

/// <summary>
/// Waits on a condition with a generous deadline instead of sleeping on a guess: a loaded 2-core machine may take
/// many times longer than an idle one, so the deadline is a ceiling, never an expected duration. The condition is
/// checked first, then every <see cref="PollInterval"/>; on timeout the failure says what was awaited and, when given,
/// what was seen last.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a starved test host, short enough that a real hang still fails the run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static Task Until(Func<bool> condition, string because) =>
        Until(() => Task.FromResult(condition()), DefaultTimeout, () => because);

    public static Task Until(Func<bool> condition, TimeSpan timeout, string because) =>
        Until(() => Task.FromResult(condition()), timeout, () => because);

    public static Task Until(Func<bool> condition, Func<string> because) =>
        Until(() => Task.FromResult(condition()), DefaultTimeout, because);

    public static Task Until(Func<Task<bool>> condition, string because) => Until(condition, DefaultTimeout, () => because);

    public static Task Until(Func<Task<bool>> condition, TimeSpan timeout, string because) => Until(condition, timeout, () => because);

    public static Task Until(Func<Task<bool>> condition, Func<string> because) => Until(condition, DefaultTimeout, because);

    /// <param name="condition">Polled until it answers true; an exception it throws fails the wait at once.</param>
    /// <param name="timeout">The ceiling; <see cref="DefaultTimeout"/> suits almost every wait.</param>
    /// <param name="because">What was awaited, built when the wait fails so it can report the state seen last.</param>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, Func<string> because)
    {
        var ct = TestContext.Current.CancellationToken;
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            var waited = TimeProvider.System.GetElapsedTime(started);
            if (waited >= timeout) throw new EventuallyTimeoutException($"Gave up after {waited.TotalSeconds:0.#} s waiting: {because()}");
            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>
    /// Retries <paramref name="attempt"/> while it throws (an assertion not yet true, a port not yet free); returns
    /// its result, or fails with the last exception inside once <paramref name="timeout"/> has passed.
    /// </summary>
    public static async Task<T> Succeeds<T>(Func<Task<T>> attempt, TimeSpan timeout, string because)
    {
        var ct = TestContext.Current.CancellationToken;
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var waited = TimeProvider.System.GetElapsedTime(started);
                if (waited >= timeout) throw new EventuallyTimeoutException($"Gave up after {waited.TotalSeconds:0.#} s waiting: {because}", e);
            }
            await Task.Delay(PollInterval, ct);
        }
    }

    public static Task<T> Succeeds<T>(Func<Task<T>> attempt, string because) => Succeeds(attempt, DefaultTimeout, because);

    public static Task Succeeds(Func<Task> attempt, string because) =>
        Succeeds(async () => { await attempt(); return true; }, DefaultTimeout, because);
}

/// <summary>A condition that never came true within its deadline; reported like a failed assertion.</summary>
public sealed class EventuallyTimeoutException : XunitException
{
    public EventuallyTimeoutException(string message) : base(message)
    {
    }

    public EventuallyTimeoutException(string message, Exception inner) : base(message, inner)
    {
    }
}
