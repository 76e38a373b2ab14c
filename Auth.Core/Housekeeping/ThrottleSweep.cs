namespace Auth.Core.Housekeeping;

/// <summary>Deletes throttle counters whose window has ended (ADR 0009); they restart from an insert when next taken.</summary>
public sealed class ThrottleSweep(BatchedDelete batches, TimeProvider time) : IHousekeepingJob
{
    public string Name => "throttles";

    public Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return batches.RunAsync(db => db.Throttles.Where(t => t.WindowEndsAt <= now).OrderBy(t => t.WindowEndsAt), ct);
    }
}
