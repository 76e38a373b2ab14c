using System.Net;
using Auth.Core.Activity;
using Auth.Core.Data.Entities;
using Auth.Core.Housekeeping;
using Auth.Core.Messaging;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Activity;

/// <summary>Keyset paging of <c>GET /admin/api/events</c> both ways, its refusals, and the retention purge.</summary>
public abstract class ActivityPagingSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListEvents_OlderThenNewer_VisitsEveryEventOnceInOrder_EvenWithTiedTimes()
    {
        var type = $"test.paging.{Guid.NewGuid():N}"[..40];
        var now = Fixture.Time.GetUtcNow().UtcDateTime;
        // Three share one instant: only the id orders them.
        var times = new[] { now.AddMinutes(-9), now.AddMinutes(-8), now.AddMinutes(-7), now.AddMinutes(-7), now.AddMinutes(-7), now.AddMinutes(-2), now.AddMinutes(-1) };
        var expected = await SeedAsync(type, times);

        var older = new List<string>();
        var pages = new List<(string? Older, string? Newer)>();
        string? cursor = null;
        do
        {
            var page = await PageAsync($"type={type}&limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            older.AddRange(page.Ids);
            pages.Add((page.Older, page.Newer));
            cursor = page.Older;
        }
        while (cursor is not null);

        Assert.Equal(expected, older);
        Assert.Null(pages[0].Newer);
        Assert.Equal(3, pages.Count);

        var newer = new List<string>();
        cursor = pages[^1].Newer;
        while (cursor is not null)
        {
            var page = await PageAsync($"type={type}&limit=3&cursor={cursor}");
            newer.InsertRange(0, page.Ids);
            cursor = page.Newer;
        }
        Assert.Equal(expected.Take(6), newer);
    }

    [Fact]
    public async Task ListEvents_FromTo_KeepsOnlyTheRange()
    {
        var type = $"test.range.{Guid.NewGuid():N}"[..40];
        var now = Fixture.Time.GetUtcNow().UtcDateTime;
        var ids = await SeedAsync(type, [now.AddHours(-3), now.AddHours(-2), now.AddHours(-1)]);
        var from = Uri.EscapeDataString(now.AddHours(-2).ToString("O"));
        var to = Uri.EscapeDataString(now.AddHours(-1).ToString("O"));

        var page = await PageAsync($"type={type}&from={from}&to={to}");

        Assert.Equal([ids[1]], page.Ids);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=bzoxOnh5eg", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    public async Task ListEvents_BadCursorOrLimit_IsAValidationError(string query, string field)
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var response = await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/events?{query}", Ct));
        Assert.Contains(field, response.ValidationFields());
    }

    [Fact]
    public async Task ListEvents_WithoutOperator_IsRefused() =>
        (await GetAsync("/admin/api/events")).AssertError(HttpStatusCode.Unauthorized, "unauthorized");

    [Fact]
    public async Task EventPurge_DeletesEventsPastRetention_AndKeepsNewerOnes()
    {
        await Fixture.PublishAsync(new { events = new { retentionDays = 30 } });
        var type = $"test.purge.{Guid.NewGuid():N}"[..40];
        var now = Fixture.Time.GetUtcNow().UtcDateTime;
        var ids = await SeedAsync(type, [now.AddDays(-31), now.AddDays(-30).AddMinutes(-1), now.AddDays(-29)]);
        var purge = Fixture.Factory.Services.GetServices<IHousekeepingJob>().OfType<EventPurge>().Single();

        var outcome = await purge.RunAsync(Ct);

        Assert.True(outcome.Rows >= 2);
        await using var db = Db();
        Assert.Equal([ids[0]], await db.Events.Where(e => e.Type == type).Select(e => e.Id).ToListAsync(Ct));
    }

    /// <summary>Events of <paramref name="type"/> at <paramref name="times"/>; their ids newest first, as the log lists them.</summary>
    private async Task<List<string>> SeedAsync(string type, DateTime[] times)
    {
        await using var db = Db();
        var rows = times.Select(t => new ActivityEvent
        {
            Id = OutboxIds.Next(t), Type = type, OccurredAt = t, ActorType = ActorTypes.System,
        }).ToList();
        db.Events.AddRange(rows);
        await db.SaveChangesAsync(Ct);
        return rows.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToList();
    }

    private async Task<(List<string> Ids, string? Older, string? Newer)> PageAsync(string query)
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var response = await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/events?{query}", Ct));
        response.AssertStatus(HttpStatusCode.OK);
        var body = response.Body!;
        return (body["items"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList(),
            body["olderCursor"]?.GetValue<string>(), body["newerCursor"]?.GetValue<string>());
    }
}
