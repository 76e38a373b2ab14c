using System.Text.RegularExpressions;
using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Activity;

/// <summary>
/// Every page query of the activity log, as <see cref="ActivityLog.Page"/> builds it, planned by SQLite on the migrated
/// schema: each filter seeks its own index and walks it in the log's order, with no sort and no scan of Events, so a page
/// costs the same at 1 M events as at 10 (ADR 0016). Deterministic: it reads the plan, never a timing.
/// </summary>
public sealed class EventQueryPlanTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private static readonly DateTime At = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, string, string?> Filters => new()
    {
        // filter, the index that must serve it, cursor direction (null: first page; o: older; n: newer)
        { "", "IX_Events_OccurredAt_Id", null },
        { "", "IX_Events_OccurredAt_Id", "o" },
        { "", "IX_Events_OccurredAt_Id", "n" },
        { "range", "IX_Events_OccurredAt_Id", "o" },
        { "type", "IX_Events_Type_OccurredAt_Id", null },
        { "type", "IX_Events_Type_OccurredAt_Id", "o" },
        { "type", "IX_Events_Type_OccurredAt_Id", "n" },
        { "user", "IX_Events_UserId_OccurredAt_Id", null },
        { "user", "IX_Events_UserId_OccurredAt_Id", "o" },
        { "user", "IX_Events_UserId_OccurredAt_Id", "n" },
        { "actor", "IX_Events_ActorId_OccurredAt_Id", null },
        { "actor", "IX_Events_ActorId_OccurredAt_Id", "o" },
        { "actor", "IX_Events_ActorId_OccurredAt_Id", "n" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EventPage_SeeksTheFiltersIndex_AndNeverScansOrSorts(string filter, string index, string? direction)
    {
        var query = filter switch
        {
            "type" => new EventQuery(Type: EventTypes.SignIn),
            "user" => new EventQuery(UserId: "0123456789abcdef01234567"),
            "actor" => new EventQuery(Actor: "0123456789abcdef01234567"),
            "range" => new EventQuery(From: At.AddDays(-1), To: At),
            _ => new EventQuery(),
        };
        var cursor = direction is null ? null : new EventCursor(direction == "n", At.AddHours(-1), "0000000000000000abcdef0123456789");
        await using var db = fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();

        var plan = await QueryPlan.OfAsync(db, ActivityLog.Page(db.Events.AsNoTracking(), query, cursor).ToQueryString());

        Assert.Contains(plan, d => d.Contains($"INDEX {index}", StringComparison.Ordinal));
        // Only the unfiltered first page may walk an index from its end; every other page seeks a range of it.
        if (filter.Length > 0 || cursor is not null)
            Assert.Contains(plan, d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains($"INDEX {index} (", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, d => Regex.IsMatch(d, @"^SCAN (\w+ AS )?""?Events""?( |$)") && !d.Contains("INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, d => d.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventPurge_SeeksTheTimeIndex()
    {
        await using var db = fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();
        var cutoff = At;
        var plan = await QueryPlan.OfAsync(db, db.Events.Where(e => e.OccurredAt < cutoff).OrderBy(e => e.OccurredAt).Take(1000).Select(e => e.Id).ToQueryString());
        Assert.Contains(plan, d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains("INDEX IX_Events_OccurredAt_Id (", StringComparison.Ordinal));
    }
}
