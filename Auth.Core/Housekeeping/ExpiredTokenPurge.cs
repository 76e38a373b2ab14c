using Auth.Core.Settings;

namespace Auth.Core.Housekeeping;

/// <summary>
/// Deletes one-time tokens (access tokens, links, codes, OAuth states) <c>housekeeping.tokenRetentionDays</c> after
/// they expired. They are useless by then, and keeping them only grows the table and the index every redemption
/// searches; the grace keeps them for support questions ("why did my link fail?").
/// </summary>
public sealed class ExpiredTokenPurge(BatchedDelete batches, ISettingsReader settings, TimeProvider time) : IHousekeepingJob
{
    public string Name => "tokens";

    public Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-settings.Current.Settings.Housekeeping.TokenRetentionDays);
        return batches.RunAsync(db => db.OneTimeTokens.Where(t => t.ExpiresAt < cutoff).OrderBy(t => t.ExpiresAt), ct);
    }
}
