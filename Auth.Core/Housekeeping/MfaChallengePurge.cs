using Auth.Core.Settings;

namespace Auth.Core.Housekeeping;

/// <summary>
/// Deletes second-step challenges (mfaTokens) <c>housekeeping.tokenRetentionDays</c> after they expired: they live five
/// minutes, and one is made for every sign-in of a user with a second factor, so the table would only grow.
/// </summary>
public sealed class MfaChallengePurge(BatchedDelete batches, ISettingsReader settings, TimeProvider time) : IHousekeepingJob
{
    public string Name => "mfa-challenges";

    public Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-settings.Current.Settings.Housekeeping.TokenRetentionDays);
        return batches.RunAsync(db => db.MfaChallenges.Where(c => c.ExpiresAt < cutoff).OrderBy(c => c.ExpiresAt), ct);
    }
}
