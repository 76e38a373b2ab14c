using System.Text.RegularExpressions;
using Auth.Core.Data;
using Auth.Core.Users;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Scale;

/// <summary>
/// The user listing's queries, as the directory builds them, planned by SQLite on the migrated schema: each seeks an
/// index and walks it in the listing's order. No full scan of Users, no sort of the matches (ADR 0011). Deterministic:
/// it reads the plan, never a timing.
/// </summary>
public sealed class UserQueryPlanTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private static readonly StreamPosition NameAt = new("kay zed", "0123456789abcdef01234567");

    public static TheoryData<string, string, string?> Queries => new()
    {
        // query, the index that must serve it, the position to resume from (null: the first page)
        { "", "IX_Users_SignUpAt_Id", null },
        { "", "IX_Users_SignUpAt_Id", "t" },
        { "ada@example.test", "IX_Users_NormalizedEmail", null },
        { "ada@exa", "IX_Users_NormalizedEmail", "e" },
        { "+1555", "IX_Users_Phone", "p" },
        { "kay", "IX_Users_NormalizedEmail", "e" },
        { "kay", "IX_Users_NormalizedName_Id", null },
        { "kay", "IX_Users_NormalizedName_Id", "n" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task ListingQuery_SeeksItsIndex_AndNeverScansOrSortsUsers(string query, string index, string? resumeStream)
    {
        var search = UserSearch.Parse(query, ordinalRanges: true);
        var stream = search.Streams.Single(s => IndexOf(s) == index);
        StreamPosition? after = resumeStream switch
        {
            "t" => new StreamPosition(DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), NameAt.Id),
            "n" => NameAt,
            "e" => new StreamPosition("kay@example.test", NameAt.Id),
            "p" => new StreamPosition("+15551234", NameAt.Id),
            _ => null,
        };
        await using var db = fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();

        var page = stream.After(db.Users.AsNoTracking(), after).Take(UserDirectory.DefaultPageSize + 1);
        var count = stream.ForCount(db.Users.AsNoTracking()).Take(UserDirectory.CountCap + 1).Select(u => u.Id);
        var plans = new[] { await QueryPlan.OfAsync(db, page.ToQueryString()), await QueryPlan.OfAsync(db, count.ToQueryString()) };
        foreach (var plan in plans)
        {
            Assert.Contains(plan, d => d.Contains($"INDEX {index}", StringComparison.Ordinal));
            // Only the unfiltered first page may walk an index from its end; everything else seeks a range of it.
            if (query.Length > 0 || (after is not null && plan == plans[0]))
                Assert.Contains(plan, d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains($"INDEX {index} (", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, d => Regex.IsMatch(d, @"^SCAN (\w+ AS )?""?Users""?( |$)") && !d.Contains("INDEX", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, d => d.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task IdLookup_SeeksThePrimaryKey()
    {
        await using var db = fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();
        var id = NameAt.Id;
        var plan = await QueryPlan.OfAsync(db, db.Users.Where(u => u.Id == id).ToQueryString());
        Assert.Contains(plan, d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains("INDEX sqlite_autoindex_Users_1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StuckLockoutSeal_SeeksTheFailureCountIndex()
    {
        await using var db = fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();
        var plan = await QueryPlan.OfAsync(db, PasswordGate.StuckWindows(db.Users.AsNoTracking(), 5).ToQueryString());
        Assert.Contains(plan, d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains("INDEX IX_Users_FailedSignInCount (", StringComparison.Ordinal));
    }

    private static string IndexOf(UserStream stream) => stream switch
    {
        NewestFirstStream => "IX_Users_SignUpAt_Id",
        EmailPrefixStream => "IX_Users_NormalizedEmail",
        PhonePrefixStream => "IX_Users_Phone",
        NamePrefixStream => "IX_Users_NormalizedName_Id",
        _ => "",
    };
}
