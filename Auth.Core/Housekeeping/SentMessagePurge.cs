using Auth.Core.Messaging;
using Auth.Core.Settings;

namespace Auth.Core.Housekeeping;

/// <summary>
/// Deletes outbox rows that are finished: sent or captured ones after <c>housekeeping.sentMessageRetentionDays</c>,
/// failed ones after <c>failedMessageRetentionDays</c>. Rows still pending or being sent are never touched: sending
/// is the dispatcher's business.
/// </summary>
public sealed class SentMessagePurge(BatchedDelete batches, ISettingsReader settings, TimeProvider time) : IHousekeepingJob
{
    public string Name => "outbox";

    public async Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var retention = settings.Current.Settings.Housekeeping;
        var now = time.GetUtcNow().UtcDateTime;
        var sentCutoff = now.AddDays(-retention.SentMessageRetentionDays);
        var failedCutoff = now.AddDays(-retention.FailedMessageRetentionDays);
        var sent = await batches.RunAsync(db => db.OutboxMessages
            .Where(m => m.CreatedAt < sentCutoff && (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Captured))
            .OrderBy(m => m.CreatedAt), ct);
        var failed = await batches.RunAsync(db => db.OutboxMessages
            .Where(m => m.CreatedAt < failedCutoff && m.Status == OutboxStatus.Failed)
            .OrderBy(m => m.CreatedAt), ct);
        return sent + failed;
    }
}
