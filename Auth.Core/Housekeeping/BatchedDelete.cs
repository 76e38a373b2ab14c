using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Housekeeping;

/// <summary>
/// Deletes what a query selects a batch at a time: each batch is one short <c>DELETE … WHERE key IN (SELECT key …
/// ORDER BY … LIMIT n)</c>, its own transaction, so a backlog of a million rows never holds the write lock for more
/// than one batch. Between batches the job yields, so requests waiting for the lock get it.
/// </summary>
public sealed class BatchedDelete(IDbContextFactory<AuthDbContext> dbFactory)
{
    /// <summary>Rows per statement: large enough to keep up with a busy node, small enough for a short lock.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>Batches per run and query; what is left waits for the next run.</summary>
    public const int MaxBatchesPerRun = 1000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Deletes every row <paramref name="select"/> finds (up to <see cref="MaxBatchesPerRun"/> batches).</summary>
    /// <param name="select">The rows to delete, ordered by the index the selection walks (the batch is its first rows).</param>
    /// <param name="ct">Stops between batches.</param>
    public async Task<HousekeepingOutcome> RunAsync<T>(Func<AuthDbContext, IQueryable<T>> select, CancellationToken ct) where T : class
    {
        var outcome = HousekeepingOutcome.None;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            int deleted;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                deleted = await select(db).Take(BatchSize).ExecuteDeleteAsync(ct);
            if (deleted == 0) break;
            outcome += new HousekeepingOutcome(deleted, 1);
            if (deleted < BatchSize) break;
            await Task.Yield();
        }
        return outcome;
    }
}
