using System.Globalization;
using System.Text.RegularExpressions;
using Auth.Core.Data;
using Auth.Core.Users;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Scale;

/// <summary>
/// Every combination of the listing's filters and sort, with and without a search, first page and resumed, planned by
/// SQLite on the migrated schema: each stream seeks an index range (or walks the sign-up index from one end) in the
/// listing's order; never a full scan of Users, never a sort of the matches (ADR 0011, 0022). Reads plans, not times.
/// </summary>
public sealed partial class UserFilterQueryPlanTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private static readonly DateTime From = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<(UserFilter Filter, UserSort Sort)> Combinations()
    {
        bool?[] flags = [null, true, false];
        foreach (var verified in flags)
        foreach (var disabled in flags)
        foreach (var provider in new[] { null, "google" })
        foreach (var (from, to) in new (DateTime?, DateTime?)[] { (null, null), (From, null), (null, From), (From, From.AddDays(30)) })
        foreach (var sort in new[] { UserSort.Newest, UserSort.Oldest })
            yield return (new UserFilter(verified, disabled, provider, from, to), sort);
    }

    [Fact]
    public async Task FilteredListing_EveryCombination_SeeksAnIndexInOrderWithoutScanOrSort()
    {
        await using var db = fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();
        var failures = new List<string>();
        var checkedQueries = 0;
        foreach (var (filter, sort) in Combinations())
        foreach (var query in new[] { "", "ada@exa", "kay", "+1555" })
        {
            var search = UserSearch.Parse(query, ordinalRanges: true).Filtered(filter, sort);
            var users = search.Residual is { } residual ? residual.Apply(db.Users.AsNoTracking()) : db.Users.AsNoTracking();
            foreach (var stream in search.Streams)
            foreach (var after in new[] { null, Position(stream) })
            {
                var sql = stream.After(users, after).Take(UserDirectory.DefaultPageSize + 1).ToQueryString();
                var count = stream.ForCount(users).Take(UserDirectory.CountCap + 1).Select(u => u.Id).ToQueryString();
                foreach (var (kind, text) in new[] { ("page", sql), ("count", count) })
                {
                    if (kind == "count" && after is not null) continue;
                    var plan = await QueryPlan.OfAsync(db, text);
                    checkedQueries++;
                    if (Problem(plan, stream, filter, after is not null || query.Length > 0, resumed: after is not null) is { } problem)
                        failures.Add($"{filter} {sort} query='{query}' {stream.GetType().Name}/{stream.Code} {kind} after={after is not null}: {problem}\n  {string.Join("\n  ", plan)}");
                }
            }
        }

        Assert.True(checkedQueries > 1000, $"only {checkedQueries} queries planned");
        Assert.True(failures.Count == 0, $"{failures.Count} plans fail:\n" + string.Join("\n", failures.Take(5)));
    }

    private static string? Problem(List<string> plan, UserStream stream, UserFilter filter, bool mustSeek, bool resumed)
    {
        if (plan.Any(d => d.Contains("TEMP B-TREE", StringComparison.Ordinal))) return "sorts its matches";
        if (plan.Any(d => FullScan().IsMatch(d) && !d.Contains("INDEX", StringComparison.Ordinal))) return "scans Users";
        var index = stream switch
        {
            SignUpStream when filter.Provider is not null => "IX_Users_Provider_Disabled_EmailVerified_PhoneVerified_SignUpAt_Id",
            SignUpStream when filter.NeedsPartitions => "IX_Users_Disabled_EmailVerified_PhoneVerified_SignUpAt_Id",
            SignUpStream or NewestFirstStream => "IX_Users_SignUpAt_Id",
            EmailPrefixStream => "IX_Users_NormalizedEmail",
            PhonePrefixStream => "IX_Users_Phone",
            _ => "IX_Users_NormalizedName_Id",
        };
        // Known: with a provider and a time range bounded on both sides (from and to, or a cursor), the bundled SQLite (no
        // ANALYZE statistics) seeks the same partition of the provider-less index and checks the provider per row: still a
        // seek in order without a sort, but it reads that partition's rows of every provider (ADR 0022, "Known limit").
        var bothBounds = resumed || (filter.SignedUpFrom is not null && filter.SignedUpTo is not null);
        var accepted = bothBounds && stream is SignUpStream && filter.Provider is not null
            ? new[] { index, "IX_Users_Disabled_EmailVerified_PhoneVerified_SignUpAt_Id" }
            : new[] { index };
        index = accepted.FirstOrDefault(i => plan.Any(d => d.Contains($"INDEX {i}", StringComparison.Ordinal))) ?? index;
        if (!plan.Any(d => d.Contains($"INDEX {index}", StringComparison.Ordinal))) return "does not use " + index;
        // Equalities, a sign-up range, a prefix or a cursor are a seek; only a bare walk from one end may scan the index.
        var seeks = mustSeek || filter.NeedsPartitions || filter.SignedUpFrom is not null || filter.SignedUpTo is not null;
        if (seeks && !plan.Any(d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains($"INDEX {index} (", StringComparison.Ordinal)))
            return "walks " + index + " instead of seeking a range of it";
        return null;
    }

    private static StreamPosition Position(UserStream stream) => stream switch
    {
        SignUpStream or NewestFirstStream => new(From.AddDays(3).Ticks.ToString(CultureInfo.InvariantCulture), "0123456789abcdef01234567"),
        EmailPrefixStream => new("ada@example.test", "0123456789abcdef01234567"),
        PhonePrefixStream => new("+15551234", "0123456789abcdef01234567"),
        _ => new("kay zed", "0123456789abcdef01234567"),
    };

    [GeneratedRegex(@"^SCAN (\w+ AS )?""?Users""?( |$)")]
    private static partial Regex FullScan();
}
