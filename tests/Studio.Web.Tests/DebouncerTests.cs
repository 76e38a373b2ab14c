using Microsoft.Extensions.Time.Testing;
using Studio.Web.Editing;

namespace Studio.Web.Tests;

/// <summary>
/// The preview debounce under the circuit's single-threaded dispatcher: a call whose wait has ended but whose
/// continuation is still queued must survive a newer call (or the page going away) running first.
/// </summary>
public sealed class DebouncerTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void RunAsync_NewerCallRunsBeforeAnEndedWaitResumes_NoExceptionAndOnlyTheNewerRuns()
    {
        var ran = new List<string>();
        QueuedContext.Run(context =>
        {
            var time = new FakeTimeProvider();
            using var debouncer = new Debouncer(time, Delay);
            var first = debouncer.RunAsync(_ => Record(ran, "first"));
            Elapse(time, Delay); // the first wait ends; its continuation is queued, not run
            var second = debouncer.RunAsync(_ => Record(ran, "second"));
            context.Drain();

            Assert.True(first.IsCompleted);
            Assert.Null(first.Exception);
            Elapse(time, Delay);
            context.Drain();
            Assert.True(second.IsCompletedSuccessfully, second.Exception?.ToString());
        });
        Assert.Equal(["second"], ran);
    }

    [Fact]
    public void Dispose_WhileAnEndedWaitIsQueued_NoExceptionAndNothingRuns()
    {
        var ran = new List<string>();
        QueuedContext.Run(context =>
        {
            var time = new FakeTimeProvider();
            var debouncer = new Debouncer(time, Delay);
            var call = debouncer.RunAsync(_ => Record(ran, "call"));
            Elapse(time, Delay);
            debouncer.Dispose(); // the page goes away before the queued continuation runs
            context.Drain();

            Assert.True(call.IsCompleted);
            Assert.Null(call.Exception);
            Assert.True(debouncer.RunAsync(_ => Record(ran, "after")).IsCompletedSuccessfully);
        });
        Assert.Empty(ran);
    }

    [Fact]
    public void RunAsync_ManyCallsInABurst_OnlyTheLastRunsAfterTheQuietDelay()
    {
        var ran = new List<string>();
        QueuedContext.Run(context =>
        {
            var time = new FakeTimeProvider();
            using var debouncer = new Debouncer(time, Delay);
            var calls = new List<Task>();
            for (var i = 0; i < 50; i++)
            {
                var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                calls.Add(debouncer.RunAsync(_ => Record(ran, n)));
                Elapse(time, TimeSpan.FromMilliseconds(i % 2 == 0 ? 10 : 300)); // some waits end as the next call arrives
                if (i % 3 == 0) context.Drain();
            }
            Elapse(time, Delay);
            context.Drain();
            Assert.All(calls, c => Assert.True(c.IsCompletedSuccessfully, c.Exception?.ToString()));
        });
        Assert.Equal("49", ran[^1]);
    }

    // The circuit's timers fire on pool threads, so a continuation is posted to the dispatcher, never inlined.
    private static void Elapse(FakeTimeProvider time, TimeSpan by)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            time.Advance(by);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private static Task Record(List<string> ran, string name)
    {
        ran.Add(name);
        return Task.CompletedTask;
    }

    /// <summary>Like the circuit's dispatcher: continuations queue and run one at a time when drained.</summary>
    private sealed class QueuedContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (_queue) _queue.Enqueue((d, state));
        }

        public void Drain()
        {
            while (true)
            {
                (SendOrPostCallback Callback, object? State) next;
                lock (_queue)
                {
                    if (!_queue.TryDequeue(out next)) return;
                }
                next.Callback(next.State);
            }
        }

        public static void Run(Action<QueuedContext> body)
        {
            var previous = Current;
            var context = new QueuedContext();
            SetSynchronizationContext(context);
            try
            {
                body(context);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }
}
