namespace Auth.Core.Housekeeping;

/// <summary>What one job did in one run: rows it changed and the statements (batches) it took.</summary>
public readonly record struct HousekeepingOutcome(int Rows, int Batches)
{
    public static readonly HousekeepingOutcome None = new(0, 0);

    public static HousekeepingOutcome operator +(HousekeepingOutcome a, HousekeepingOutcome b) => new(a.Rows + b.Rows, a.Batches + b.Batches);
}

/// <summary>
/// One concern of the hourly housekeeping (expired tokens, ended sessions, sent messages, …). Jobs are independent:
/// the <see cref="HousekeepingScheduler"/> runs each in turn and one failing does not stop the others. Every job is
/// safe to run on several nodes at once: it only deletes or seals rows its conditions select, in the statement itself.
/// </summary>
public interface IHousekeepingJob
{
    /// <summary>Short, stable, for logs.</summary>
    string Name { get; }

    Task<HousekeepingOutcome> RunAsync(CancellationToken ct);
}
