using Auth.Core.Settings;

namespace Auth.Core.Housekeeping;

/// <summary>
/// Deletes session rows <c>housekeeping.sessionRetentionDays</c> after they expired or were revoked. They can never
/// authenticate again (the JWT is checked against the row, ADR 0003), and every sign-in adds one.
/// </summary>
public sealed class SessionPurge(BatchedDelete batches, ISettingsReader settings, TimeProvider time) : IHousekeepingJob
{
    public string Name => "sessions";

    public async Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-settings.Current.Settings.Housekeeping.SessionRetentionDays);
        // Two passes, each walking one index; OR-ing them would make the engine pick neither.
        var expired = await batches.RunAsync(db => db.Sessions.Where(s => s.ExpiresAt < cutoff).OrderBy(s => s.ExpiresAt), ct);
        var revoked = await batches.RunAsync(db => db.Sessions.Where(s => s.RevokedAt < cutoff).OrderBy(s => s.RevokedAt), ct);
        return expired + revoked;
    }
}
