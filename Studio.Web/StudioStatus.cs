using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Studio.Web;

/// <summary>The counts the landing page shows; one short-lived context per call.</summary>
public sealed class StudioStatus(IDbContextFactory<AuthDbContext> dbFactory)
{
    public sealed record Counts(int Users, int Operators);

    public async Task<Counts> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new Counts(await db.Users.CountAsync(ct), await db.Operators.CountAsync(ct));
    }
}
