using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Core.Housekeeping;

/// <summary>
/// Runs every <see cref="IHousekeepingJob"/> once an hour (on the injected clock), one after the other. A job that
/// fails is logged and retried at the next run; the others still run. Several nodes may run it at once: each job's
/// statements only touch rows their own conditions select.
/// </summary>
public sealed partial class HousekeepingScheduler(IEnumerable<IHousekeepingJob> jobs, TimeProvider time, ILogger<HousekeepingScheduler> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public IReadOnlyList<IHousekeepingJob> Jobs { get; } = jobs.ToList();

    /// <summary>One run of every job; what each did, by job name (a failed job is missing).</summary>
    public async Task<IReadOnlyDictionary<string, HousekeepingOutcome>> RunOnceAsync(CancellationToken ct = default)
    {
        var outcomes = new Dictionary<string, HousekeepingOutcome>();
        foreach (var job in Jobs)
        {
            try
            {
                var outcome = await job.RunAsync(ct);
                outcomes[job.Name] = outcome;
                if (outcome.Rows > 0) LogRan(logger, job.Name, outcome.Rows, outcome.Batches);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, job.Name, ex);
            }
        }
        return outcomes;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await RunOnceAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping {Job}: {Rows} rows in {Batches} batches.")]
    private static partial void LogRan(ILogger logger, string job, int rows, int batches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping {Job} failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, string job, Exception ex);
}
