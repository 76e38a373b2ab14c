using System.Text.RegularExpressions;
using Auth.Core.Data;
using Auth.Core.Users;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Scale;

/// <summary>
/// The users list's MFA badge asks two questions per page, one per table, for the page's ids: SQLite must answer each by
/// seeking the table's user-id index once per id, never by scanning MfaFactors or Passkeys (they grow with the users).
/// Deterministic: it reads the plan of the query EF sends, never a timing.
/// </summary>
public sealed class SecondFactorBadgePlanTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    public static TheoryData<string, string, int> Queries => new()
    {
        // table, index that must serve it, ids on the page
        { "MfaFactors", "IX_MfaFactors_UserId_ConfirmedAt", 1 },
        { "MfaFactors", "IX_MfaFactors_UserId_ConfirmedAt", 50 },
        { "Passkeys", "IX_Passkeys_UserId_CreatedAt", 1 },
        { "Passkeys", "IX_Passkeys_UserId_CreatedAt", 50 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task BadgeQuery_ForAPageOfIds_SeeksTheUserIdIndexAndNeverScans(string table, string index, int ids)
    {
        await using var db = fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();
        var page = Enumerable.Range(0, ids).Select(i => i.ToString("x24", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var query = table == "Passkeys" ? SecondFactorBadges.PasskeyUsers(db, page) : SecondFactorBadges.TotpUsers(db, page);

        var plan = await QueryPlan.OfAsync(db, query.ToQueryString());

        Assert.Contains(plan, d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains($"INDEX {index} (UserId=?", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, d => Regex.IsMatch(d, $@"^SCAN (\w+ AS )?""?{table}""?( |$)"));
    }
}
