using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Housekeeping;

/// <summary>
/// Deletes local accounts nobody ever proved, <c>email.unverifiedAccountTtlHours</c> after sign-up (ADR 0007): a
/// squatter's sign-up must not hold someone else's address or number for ever. Only accounts whose every identifier
/// still awaits a confirmation the settings require (with confirmation off, unverified is the normal state: kept).
/// Accounts an operator created or imported are never purged: they are the operator's word, not a squatter's.
/// Their tokens and sessions go with them (cascade).
/// </summary>
public sealed class UnverifiedAccountPurge(IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settings, TimeProvider time) : IHousekeepingJob
{
    /// <summary>Accounts per statement (a cascade deletes their tokens and sessions too, so smaller than other jobs').</summary>
    public const int BatchSize = 200;

    public const int MaxBatches = 50;

    public string Name => "unverified-accounts";

    public async Task<HousekeepingOutcome> RunAsync(CancellationToken ct)
    {
        var current = settings.Current.Settings;
        var confirmEmail = current.Email.ConfirmEmail;
        var confirmPhone = current.Phone.ConfirmPhone;
        if (!confirmEmail && !confirmPhone) return HousekeepingOutcome.None;
        var cutoff = time.GetUtcNow().UtcDateTime - TimeSpan.FromHours(current.Email.UnverifiedAccountTtlHours);

        var outcome = HousekeepingOutcome.None;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unproven = db.Users.Where(u =>
            u.Provider == User.LocalProvider && !u.CreatedByOperator && !u.EmailVerified && !u.PhoneVerified && u.LastLoginAt == null && u.SignUpAt < cutoff
            && (u.NormalizedEmail != null || u.Phone != null)
            && (u.NormalizedEmail == null || confirmEmail)
            && (u.Phone == null || confirmPhone));
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            // The search is a read (no write lock while it walks the sign-up index); only the ids found are deleted.
            var ids = await unproven.OrderBy(u => u.SignUpAt).Select(u => u.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0) break;
            // The conditions again in the DELETE: an account confirmed since the SELECT stays.
            outcome += new HousekeepingOutcome(await unproven.Where(u => ids.Contains(u.Id)).ExecuteDeleteAsync(ct), 1);
            if (ids.Count < BatchSize) break;
            await Task.Yield();
        }
        return outcome;
    }
}
