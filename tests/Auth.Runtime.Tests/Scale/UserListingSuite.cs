using System.Net;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Scale;

/// <summary>
/// Issue 9, item 3: GET /admin/api/users pages with keyset cursors, searches by indexed prefixes, and refuses what
/// would walk the whole table (deep page numbers) or open a cursor it did not issue.
/// </summary>
public abstract class UserListingSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListUsers_AfterCursor_ReturnsNextPageInOrder_WithoutRepeatsOrGaps_WhenUsersArriveBetweenPages()
    {
        var start = await EmptyUsersAsync();
        // 25 users, five of them sharing one instant so a page boundary falls among equal sign-up times.
        var seeded = Enumerable.Range(0, 25).Select(i => UserSeeding.NewUser($"page{i:00}@example.test", start.AddMinutes(i < 5 ? 10 : i))).ToList();
        await using (var db = Db()) await UserSeeding.AddAsync(db, seeded, Ct);
        var expected = seeded.OrderByDescending(u => u.SignUpAt).ThenByDescending(u => u.Id, StringComparer.Ordinal).Select(u => u.Id).ToList();
        using var admin = await Fixture.CreateOperatorClientAsync();

        var first = await ListAsync(admin, "pageSize=8");
        Assert.Equal(25, first.Body!["total"]!.GetValue<int>());
        Assert.False(first.Body!["totalCapped"]!.GetValue<bool>());
        var seen = Ids(first);
        // Arrivals between pages: newer ones (before the cursor) must not appear; an older one after it must, once.
        await using (var db = Db())
        {
            await UserSeeding.AddAsync(db, [
                UserSeeding.NewUser("newer1@example.test", start.AddDays(1)),
                UserSeeding.NewUser("older@example.test", start.AddMinutes(-5)),
            ], Ct);
        }
        var cursor = first.Body!["nextCursor"]!.GetValue<string>();
        while (cursor is not null)
        {
            var page = await ListAsync(admin, $"pageSize=8&cursor={Uri.EscapeDataString(cursor)}");
            Assert.Null(page.Body!["page"]);
            seen.AddRange(Ids(page));
            cursor = page.Body!["nextCursor"]?.GetValue<string>();
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        await using var check = Db();
        var older = await check.Users.Where(u => u.Email == "older@example.test").Select(u => u.Id).SingleAsync(Ct);
        Assert.Equal([.. expected, older], seen);
    }

    [Fact]
    public async Task ListUsers_TamperedCursor_IsRefusedWith400NamingTheCursor()
    {
        var start = await EmptyUsersAsync();
        await using (var db = Db())
            await UserSeeding.AddAsync(db, Enumerable.Range(0, 3).Select(i => UserSeeding.NewUser($"t{i}@example.test", start.AddMinutes(i))), Ct);
        using var admin = await Fixture.CreateOperatorClientAsync();
        var cursor = (await ListAsync(admin, "pageSize=1")).Body!["nextCursor"]!.GetValue<string>();

        var flipped = cursor[..10] + (cursor[10] == 'A' ? 'B' : 'A') + cursor[11..];
        foreach (var bad in new[] { flipped, cursor[..^4], "not-a-cursor", "%%%" })
        {
            var refused = await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/users?cursor={Uri.EscapeDataString(bad)}", Ct));
            Assert.Equal(["cursor"], refused.ValidationFields());
        }
        // A real cursor with another query belongs to another search.
        var other = await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/users?query=t1&cursor={Uri.EscapeDataString(cursor)}", Ct));
        Assert.Equal(["cursor"], other.ValidationFields());
    }

    [Fact]
    public async Task ListUsers_PageNumbers_WorkNearTheStart_AndDeepOnesPointToTheCursor()
    {
        var start = await EmptyUsersAsync();
        await using (var db = Db())
            await UserSeeding.AddAsync(db, Enumerable.Range(0, 30).Select(i => UserSeeding.NewUser($"n{i:00}@example.test", start.AddMinutes(i))), Ct);
        using var admin = await Fixture.CreateOperatorClientAsync();

        var second = await ListAsync(admin, "page=2&pageSize=20");
        Assert.Equal(2, second.Body!["page"]!.GetValue<int>());
        Assert.Equal(["n09@example.test", "n00@example.test"], Emails(second).Where((_, i) => i is 0 or 9).ToList());
        Assert.Null(second.Body!["nextCursor"]);

        var deep = await ApiResponse.ReadAsync(await admin.GetAsync("/admin/api/users?page=20000", Ct));
        Assert.Equal(["page"], deep.ValidationFields());
        Assert.Contains("nextCursor", deep.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchUsers_ExactEmailPhoneOrId_FindsThatUser()
    {
        var start = await EmptyUsersAsync();
        List<Core.Data.Entities.User> users;
        await using (var db = Db())
        {
            users = await UserSeeding.AddAsync(db, [
                UserSeeding.NewUser("Grace.Hopper@Example.test", start, name: "Grace Hopper"),
                UserSeeding.NewUser(null, start.AddMinutes(1), phone: "+15555550123"),
                UserSeeding.NewUser("grace.hopperx@example.test", start.AddMinutes(2)),
            ], Ct);
        }
        using var admin = await Fixture.CreateOperatorClientAsync();

        Assert.Equal(["Grace.Hopper@Example.test"], Emails(await ListAsync(admin, "query=GRACE.HOPPER%40EXAMPLE.TEST")));
        Assert.Equal([users[1].Id], Ids(await ListAsync(admin, "query=%2B1%20(555)%20555-0123")));
        Assert.Equal([users[2].Id], Ids(await ListAsync(admin, $"query={users[2].Id.ToUpperInvariant()}")));
        Assert.Empty(Ids(await ListAsync(admin, "query=nobody%40example.test")));
    }

    [Fact]
    public async Task SearchUsers_ByPrefix_MatchesStartsOfEmailsAndNames_OnceEach_AcrossPages()
    {
        var start = await EmptyUsersAsync();
        await using (var db = Db())
        {
            await UserSeeding.AddAsync(db, [
                .. Enumerable.Range(0, 6).Select(i => UserSeeding.NewUser($"kay{i}@example.test", start.AddMinutes(i))),
                .. Enumerable.Range(0, 5).Select(i => UserSeeding.NewUser($"z{i}@example.test", start.AddMinutes(10 + i), name: $"Kay Zed {i}")),
                UserSeeding.NewUser("kayla@example.test", start.AddMinutes(20), name: "Kayla"), // matches by both: listed once
                UserSeeding.NewUser("okay@example.test", start.AddMinutes(21), name: "Ok Kay"),  // a substring only: not a match
            ], Ct);
        }
        using var admin = await Fixture.CreateOperatorClientAsync();

        var first = await ListAsync(admin, "query=KAY&pageSize=5");
        Assert.Equal(13, first.Body!["total"]!.GetValue<int>()); // an estimate: "Kayla" matches by e-mail and name, counted twice
        var seen = Emails(first);
        var cursor = first.Body!["nextCursor"]?.GetValue<string>();
        while (cursor is not null)
        {
            var page = await ListAsync(admin, $"query=KAY&pageSize=5&cursor={Uri.EscapeDataString(cursor)}");
            seen.AddRange(Emails(page));
            cursor = page.Body!["nextCursor"]?.GetValue<string>();
        }

        var expected = Enumerable.Range(0, 6).Select(i => $"kay{i}@example.test").Append("kayla@example.test")
            .Concat(Enumerable.Range(0, 5).Select(i => $"z{i}@example.test")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["z0@example.test"], Emails(await ListAsync(admin, "query=kay%20zed%200")));
    }

    private async Task<DateTime> EmptyUsersAsync()
    {
        await using var db = Db();
        await db.Users.ExecuteDeleteAsync(Ct);
        return Fixture.Time.GetUtcNow().UtcDateTime.AddDays(-30);
    }

    private static async Task<ApiResponse> ListAsync(HttpClient admin, string queryString) =>
        (await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/users?{queryString}", Ct))).AssertStatus(HttpStatusCode.OK);

    private static List<string> Ids(ApiResponse page) =>
        page.Body!["items"]!.AsArray().Select(i => i!["user"]!["_id"]!.GetValue<string>()).ToList();

    private static List<string> Emails(ApiResponse page) =>
        page.Body!["items"]!.AsArray().Select(i => i!["user"]!["email"]?.GetValue<string>() ?? "").ToList();
}
