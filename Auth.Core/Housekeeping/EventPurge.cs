using Auth.Core.Settings;

namespace Auth.Core.Housekeeping;

/// <summary>Deletes activity events older than <c>events.retentionDays</c>, oldest first along the time index.</summary>
public sealed class EventPurge(BatchedDelete batches, ISettingsReader settings, TimeProvider time) : IHousekeepingJob
{
    public string Name => "events";

    public Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-settings.Current.Settings.Events.RetentionDays);
        return batches.RunAsync(db => db.Events.Where(e => e.OccurredAt < cutoff).OrderBy(e => e.OccurredAt), ct);
    }
}
