using Auth.Core.Activity.Dashboard;
using Auth.Core.Data;
using Auth.Core.Housekeeping;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Activity;

/// <summary>
/// The Overview's charts over 120 000 events bulk-inserted across 40 days: the rollup job and the dashboard read only
/// index ranges (SQLite's plan, never a timing), and what they count equals an independent GROUP BY over the raw rows
/// (ADR 0019).
/// </summary>
public sealed class DashboardScaleTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private const int Rows = 120_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_Over120kEvents_SeeksIndexesAndCountsEveryChartedEvent()
    {
        var services = fixture.Factory.Services;
        var dbFactory = services.GetRequiredService<IDbContextFactory<AuthDbContext>>();
        var now = fixture.Time.GetUtcNow().UtcDateTime;
        var first = now.Date.AddDays(-(ActivityDashboard.Days - 1));
        await using var db = await dbFactory.CreateDbContextAsync(Ct);
        await SeedAsync(db, now);
        // The other test of this class may have rolled up a day before these rows existed.
        await db.EventDailyCounts.ExecuteDeleteAsync(Ct);

        var job = services.GetServices<IHousekeepingJob>().OfType<EventRollupJob>().Single();
        var outcome = await job.RunAsync(Ct);
        Assert.True(outcome.Batches >= ActivityDashboard.Days - 2, $"rolled up {outcome.Batches - 1} days");
        var chart = await services.GetRequiredService<ActivityDashboard>().GetAsync(Ct);

        var expected = await ExpectedAsync(db, first);
        Assert.NotEmpty(expected);
        foreach (var ((type, key), count) in expected)
            Assert.True(count == chart.Series(type, key).Sum(), $"{type}/{key}: expected {count}, charted {chart.Series(type, key).Sum()}");
        Assert.Equal(expected.Values.Sum(), EventRollups.Charted.Sum(t => chart.Series(t).Sum()));
        Assert.Equal(ActivityDashboard.Days, chart.Days.Count);
        Assert.Equal(now.Date, chart.Days[^1]);

        var rollupPlan = await QueryPlan.OfAsync(db, ActivityDashboard.RollupQuery(db, first, now.Date).ToQueryString());
        Assert.Contains(rollupPlan, d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains("EventDailyCounts", StringComparison.Ordinal));
        var livePlan = await QueryPlan.OfAsync(db, EventRollups.RangeQuery(db.Events.AsNoTracking(), now.Date, now.Date.AddDays(1)).ToQueryString());
        Assert.All(livePlan, d => Assert.True(d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains("INDEX IX_Events_", StringComparison.Ordinal), d));
        QueryPlan.AssertNoScanOf(livePlan, "Events");
        QueryPlan.AssertNoScanOf(rollupPlan, "EventDailyCounts");
    }

    [Fact]
    public async Task RecomputeDay_Twice_WritesTheSameRows()
    {
        var services = fixture.Factory.Services;
        var dbFactory = services.GetRequiredService<IDbContextFactory<AuthDbContext>>();
        var day = fixture.Time.GetUtcNow().UtcDateTime.Date.AddDays(-3);
        var rollups = services.GetRequiredService<EventRollups>();
        await using var db = await dbFactory.CreateDbContextAsync(Ct);
        await SeedAsync(db, fixture.Time.GetUtcNow().UtcDateTime, rows: 2000, prefix: "ee");

        await rollups.RecomputeAsync(day, Ct);
        var once = await db.EventDailyCounts.AsNoTracking().Where(c => c.Day == day).OrderBy(c => c.Type).ThenBy(c => c.Key)
            .Select(c => $"{c.Type}/{c.Key}={c.Count}").ToListAsync(Ct);
        await rollups.RecomputeAsync(day, Ct);
        var twice = await db.EventDailyCounts.AsNoTracking().Where(c => c.Day == day).OrderBy(c => c.Type).ThenBy(c => c.Key)
            .Select(c => $"{c.Type}/{c.Key}={c.Count}").ToListAsync(Ct);

        Assert.Contains(once, r => r.StartsWith(EventRollups.Marker + "/", StringComparison.Ordinal));
        Assert.Equal(once, twice);
    }

    [Fact]
    public async Task OverviewHealthQueries_SeekTheirIndexes()
    {
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(Ct);
        var now = fixture.Time.GetUtcNow().UtcDateTime;
        var backlog = await QueryPlan.OfAsync(db, Studio.Web.Overview.OverviewHealth.Backlog(db).Select(m => m.CreatedAt).Take(10_001).ToQueryString());
        Assert.Contains(backlog, d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains("IX_OutboxMessages_Status_NextAttemptAt", StringComparison.Ordinal));
        var sessions = await QueryPlan.OfAsync(db, Studio.Web.Overview.OverviewHealth.ActiveSessions(db, now).ToQueryString());
        Assert.Contains(sessions, d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains("INDEX IX_Sessions_", StringComparison.Ordinal));
        QueryPlan.AssertNoScanOf(backlog, "OutboxMessages");
        QueryPlan.AssertNoScanOf(sessions, "Sessions");
    }

    /// <summary>
    /// One INSERT … SELECT over a recursive counter: six charted types and one uncharted, each with one detail field,
    /// one event a minute back from now across 40 days.
    /// </summary>
    private static async Task SeedAsync(AuthDbContext db, DateTime now, int rows = Rows, string prefix = "ff")
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $rows - 1)
            INSERT INTO "Events" ("Id", "Type", "OccurredAt", "ActorType", "Detail")
            SELECT printf('%s%030x', $prefix, i),
                   CASE i % 7 WHEN 0 THEN 'user.signup' WHEN 1 THEN 'user.signin' WHEN 2 THEN 'user.signin_failed'
                              WHEN 3 THEN 'user.locked' WHEN 4 THEN 'message.sent' WHEN 5 THEN 'message.failed' ELSE 'settings.saved' END,
                   datetime($now, '-' || (i % 57600) || ' minutes'),
                   'user',
                   CASE i % 7 WHEN 0 THEN (CASE i % 3 WHEN 0 THEN '{"channel":"email"}' WHEN 1 THEN '{"channel":"sms"}' ELSE '{"provider":"github"}' END)
                              WHEN 1 THEN (CASE i % 4 WHEN 0 THEN '{"method":"pwd"}' WHEN 1 THEN '{"method":"email"}' WHEN 2 THEN '{"method":"oauth","provider":"google"}' ELSE '{"method":"passkey"}' END)
                              WHEN 2 THEN '{"code":"invalid_credentials","method":"pwd"}'
                              WHEN 3 THEN '{"code":"rate_limit_exceeded"}'
                              WHEN 6 THEN NULL
                              ELSE (CASE i % 2 WHEN 0 THEN '{"channel":"email","messageType":"magic_link"}' ELSE '{"channel":"sms","messageType":"sms_otp"}' END) END
            FROM n
            """;
        command.Parameters.AddWithValue("$rows", rows);
        command.Parameters.AddWithValue("$now", now.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$prefix", prefix);
        Assert.Equal(rows, await command.ExecuteNonQueryAsync(Ct));
    }

    /// <summary>The charted counts of the window by (type, key), from the raw rows with SQLite's own JSON functions.</summary>
    private static async Task<Dictionary<(string, string), int>> ExpectedAsync(AuthDbContext db, DateTime first)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Type",
                   CASE WHEN "Type" IN ('message.sent', 'message.failed') THEN coalesce(json_extract("Detail", '$.channel'), '')
                        WHEN "Type" = 'user.signup' THEN coalesce(json_extract("Detail", '$.provider'), json_extract("Detail", '$.channel'), '')
                        ELSE coalesce(json_extract("Detail", '$.provider'), json_extract("Detail", '$.method'), '') END,
                   count(*)
            FROM "Events" WHERE "OccurredAt" >= $first
              AND "Type" IN ('user.signup', 'user.signin', 'user.signin_failed', 'user.locked', 'message.sent', 'message.failed')
            GROUP BY 1, 2
            """;
        command.Parameters.AddWithValue("$first", first.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        var counts = new Dictionary<(string, string), int>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        return counts;
    }
}
