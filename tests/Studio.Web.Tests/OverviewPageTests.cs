using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Housekeeping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Studio.Web.Components.Pages;
using Studio.Web.Components.Pages.Overview;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>
/// The Overview over a real SQLite file: events written by the real recorder on a moved clock, a closed day rolled up
/// by the real housekeeping job and today counted live, land in the right chart, series and UTC day.
/// </summary>
public sealed class OverviewPageTests : StudioTest
{
    // Starts three days before "today" (20 Nov), mid-morning UTC; a fake clock only moves forward.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 17, 10, 0, 0, TimeSpan.Zero));

    public override async ValueTask InitializeAsync()
    {
        Services.AddSingleton<TimeProvider>(_time);
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Overview_RolledUpDayAndToday_ChartEachEventInItsSeriesAndDay()
    {
        var today = _time.GetUtcNow().UtcDateTime.Date.AddDays(3);
        await RecordAsync(EventTypes.SignIn, new EventDetail { Method = "pwd" }, new EventDetail { Method = "pwd totp" },
            new EventDetail { Method = "oauth", Provider = "github" });
        await RecordAsync(EventTypes.SignUp, new EventDetail { Channel = "email" });
        await RecordAsync(EventTypes.SignInFailed, new EventDetail { Code = "invalid_credentials", Method = "pwd" });
        await RecordAsync(EventTypes.LockedOut, new EventDetail { Code = "rate_limit_exceeded" });
        await RecordAsync(EventTypes.MessageSent, new EventDetail { Channel = "email" }, new EventDetail { Channel = "email" });
        await RecordAsync(EventTypes.MessageFailed, new EventDetail { Channel = "sms" });
        await RecordAsync(EventTypes.UserDisabled, (EventDetail?)null); // not charted
        _time.SetUtcNow(new DateTimeOffset(today.AddHours(9), TimeSpan.Zero));
        var job = Services.GetServices<IHousekeepingJob>().OfType<EventRollupJob>().Single();
        await job.RunAsync(Ct);
        await RecordAsync(EventTypes.SignIn, new EventDetail { Method = "passkey" });
        await RecordAsync(EventTypes.SignUp, new EventDetail { Channel = "sms" });
        await using (var db = await OpenDbAsync())
            Assert.True(await db.EventDailyCounts.AnyAsync(c => c.Day == today.AddDays(-3) && c.Type == Auth.Core.Activity.Dashboard.EventRollups.Marker, Ct));

        var host = RenderPage<Home>();

        host.WaitForAssertion(() => Assert.Equal(4, host.FindComponents<MudChart<double>>().Count));
        var charts = host.FindComponent<ActivityCharts>().Instance.Charts.ToDictionary(c => c.Key);
        const int threeDaysAgo = 26, todayIndex = 29;
        Assert.Equal(30, charts["signins"].Labels.Length);
        Assert.Equal("20 Nov", charts["signins"].Labels[todayIndex]);
        AssertSeries(charts["signins"], "password", (threeDaysAgo, 2));
        AssertSeries(charts["signins"], "github", (threeDaysAgo, 1));
        AssertSeries(charts["signins"], "passkey", (todayIndex, 1));
        Assert.Equal(["password", "github", "passkey"], charts["signins"].Series.Select(s => s.Name));
        AssertSeries(charts["signups"], "e-mail", (threeDaysAgo, 1));
        AssertSeries(charts["signups"], "SMS", (todayIndex, 1));
        AssertSeries(charts["failures"], "failed sign-ins", (threeDaysAgo, 1));
        AssertSeries(charts["failures"], "lockouts", (threeDaysAgo, 1));
        AssertSeries(charts["messages"], "e-mail sent", (threeDaysAgo, 2));
        AssertSeries(charts["messages"], "SMS failed", (threeDaysAgo, 1));
        AssertSeries(charts["messages"], "e-mail failed");
        Assert.Contains("UTC", host.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_Health_ShowsTheDatabaseTheBacklogAndThisNodesRevision()
    {
        var host = RenderPage<Home>();

        host.WaitForAssertion(() => Assert.Contains("ok", host.Find("[data-test=health-database]").TextContent, StringComparison.Ordinal));
        Assert.Contains("0 waiting", host.Find("[data-test=health-backlog]").TextContent, StringComparison.Ordinal);
        Assert.Contains("never", host.Find("[data-test=health-publish]").TextContent, StringComparison.Ordinal);
        Assert.Contains("This node serves the defaults", host.Find("[data-test=health-served]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0", host.Find("[data-test=active-sessions]").TextContent.Trim());
        Assert.All(host.FindAll("[data-test=chart-empty]"), e => Assert.Equal("Nothing yet.", e.TextContent.Trim()));
        Assert.Equal(4, host.FindAll("[data-test=chart-empty]").Count);
    }

    [Fact]
    public async Task Overview_MoreUsersThanTheCap_SaysMoreThan_InsteadOfCountingThemAll()
    {
        await using (var db = await OpenDbAsync())
        {
            // One statement, like a bulk load: the cap plus one users, so the count must stop early to show the cap.
            await db.Database.ExecuteSqlRawAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= {Studio.Web.Overview.CappedCount.Cap})
                INSERT INTO "Users" ("Id", "Provider", "ProviderUserId", "EmailVerified", "PhoneVerified", "Disabled", "SignUpAt", "FailedSignInCount")
                SELECT printf('u%08d', i), 'local', printf('u%08d', i), 0, 0, 0, '2026-11-01 00:00:00', 0 FROM n
                """, Ct);
            Assert.Equal(Studio.Web.Overview.CappedCount.Cap + 1, await db.Users.CountAsync(Ct));
        }

        var host = RenderPage<Home>();

        host.WaitForAssertion(() => Assert.Equal("more than 10,000", host.Find("[data-test=users]").TextContent.Trim()));
    }

    private async Task RecordAsync(string type, params EventDetail?[] details)
    {
        var recorder = Services.GetRequiredService<ActivityRecorder>();
        await using var db = await Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(Ct);
        foreach (var detail in details) recorder.Add(db, type, null, detail, actor: Actor.System);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The series named <paramref name="name"/> is zero on every day but the given ones.</summary>
    private static void AssertSeries(Studio.Web.Overview.OverviewChart chart, string name, params (int Day, int Count)[] days)
    {
        var series = chart.Series.SingleOrDefault(s => s.Name == name);
        Assert.True(series is not null, $"{chart.Title}: no series {name} in [{string.Join(", ", chart.Series.Select(s => s.Name))}]");
        var expected = new double[30];
        foreach (var (day, count) in days) expected[day] = count;
        Assert.Equal(expected, series!.Data.Values.ToArray());
    }
}
