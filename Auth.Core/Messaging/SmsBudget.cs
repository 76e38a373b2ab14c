using Auth.Core.Data;
using Auth.Core.Settings;
using Auth.Core.Throttling;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Messaging;

/// <summary>Where the global SMS budget (<c>sms.maxPerHour</c>) stands, for the studio's warning.</summary>
/// <param name="Sent">Texts queued in the current window.</param>
/// <param name="Limit">The budget, <c>sms.maxPerHour</c>.</param>
/// <param name="ReachedAt">When the last text the budget allowed was queued, if the budget is used up.</param>
/// <param name="ResumesAt">When the current window ends, if the budget is used up.</param>
public sealed record SmsBudgetStatus(int Sent, int Limit, DateTime? ReachedAt, DateTime? ResumesAt)
{
    public bool Reached => ReachedAt is not null;
}

/// <summary>The global hourly SMS budget: one counter (see <see cref="SendLimits"/>) shared by every node.</summary>
public sealed class SmsBudget(Throttles throttles, IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settingsReader)
{
    public const string Key = "sms:budget";
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task<SmsBudgetStatus> StatusAsync(CancellationToken ct = default)
    {
        var limit = settingsReader.Current.Settings.Sms.MaxPerHour;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var live = await throttles.FindLiveAsync(db, Key, ct);
        if (live is null) return new SmsBudgetStatus(0, limit, null, null);
        return live.Count >= limit
            ? new SmsBudgetStatus(live.Count, limit, live.UpdatedAt, live.WindowEndsAt)
            : new SmsBudgetStatus(live.Count, limit, null, null);
    }
}
