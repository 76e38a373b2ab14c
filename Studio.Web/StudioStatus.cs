using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;
using Studio.Web.Overview;

namespace Studio.Web;

/// <summary>
/// The counts the landing page shows; one short-lived context per call. Users are counted up to
/// <see cref="CappedCount.Cap"/> only: a page view must not walk a million rows.
/// </summary>
public sealed class StudioStatus(IDbContextFactory<AuthDbContext> dbFactory)
{
    public sealed record Counts(CappedCount Users, int Operators);

    public async Task<Counts> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await CappedCount.OfAsync(db.Users.AsNoTracking(), EntityFrameworkQueryableExtensions.CountAsync, ct);
        return new Counts(users, await db.Operators.CountAsync(ct));
    }
}
