using Auth.Core.Settings;

namespace Auth.Core.Housekeeping;

/// <summary>
/// Deletes passkey ceremony challenges <c>housekeeping.tokenRetentionDays</c> after they expired: one is made for
/// every options request (anonymous ones included), so the table would only grow.
/// </summary>
public sealed class PasskeyChallengePurge(BatchedDelete batches, ISettingsReader settings, TimeProvider time) : IHousekeepingJob
{
    public string Name => "passkey-challenges";

    public Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-settings.Current.Settings.Housekeeping.TokenRetentionDays);
        return batches.RunAsync(db => db.PasskeyChallenges.Where(c => c.ExpiresAt < cutoff).OrderBy(c => c.ExpiresAt), ct);
    }
}
