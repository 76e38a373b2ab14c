using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages.Users;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Users: search and paging, a user's detail and sessions, and what an operator may do to them.</summary>
public sealed class UsersPageTests : StudioTest
{
    [Fact]
    public void NoUsers_ShowsTheEmptyState()
    {
        var host = RenderPage<UserList>();
        host.WaitForAssertion(() => Assert.Contains("No users yet", host.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_ByPrefixOfEmailPhoneOrName_FindsTheMatchingUsers_AndSaysWhenNoneDoes()
    {
        await UserSeed.AddUserAsync(Services, "ada@example.test", name: "Ada Lovelace");
        await UserSeed.AddUserAsync(Services, null, phone: "+15555550123", name: "Grace");
        await UserSeed.AddUserAsync(Services, "linus@example.test");
        var host = RenderPage<UserList>();
        host.WaitForAssertion(() => Assert.Equal(3, host.FindAll("[data-test=user-link]").Count));

        await SearchAsync(host, "ADA@");
        host.WaitForAssertion(() => Assert.Equal(["ada@example.test"], Links(host)));
        await SearchAsync(host, "+1 555 555");
        host.WaitForAssertion(() => Assert.Equal(["+15555550123"], Links(host)));
        await SearchAsync(host, "grace");
        host.WaitForAssertion(() => Assert.Equal(["+15555550123"], Links(host)));
        await SearchAsync(host, "lin");
        host.WaitForAssertion(() => Assert.Equal(["linus@example.test"], Links(host)));
        await SearchAsync(host, "nobody");
        host.WaitForAssertion(() => Assert.Contains("No user matches “nobody”", host.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paging_ShowsTwentyAtATime_NewestFirst()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 25; i++) await UserSeed.AddUserAsync(Services, $"user{i:00}@example.test", signUpAt: start.AddMinutes(i));
        var host = RenderPage<UserList>();

        host.WaitForAssertion(() => Assert.Equal(20, Links(host).Count));
        Assert.Equal("user24@example.test", Links(host)[0]);
        Assert.Contains("1-20 of 25", host.Markup, StringComparison.Ordinal);
        host.Find("button[aria-label='Next page']").Click();
        host.WaitForAssertion(() => Assert.Equal(["user04@example.test", "user03@example.test", "user02@example.test", "user01@example.test", "user00@example.test"], Links(host)));
        Assert.Contains("21-25 of 25", host.Markup, StringComparison.Ordinal);
        host.Find("button[aria-label='Previous page']").Click();
        host.WaitForAssertion(() => Assert.Equal("user24@example.test", Links(host)[0]));
    }

    [Fact]
    public async Task Detail_ShowsProviderVerificationDatesAndParsedSessions()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test", name: "Ada", sessionUserAgents: [UserSeed.ChromeOnMac, UserSeed.SafariOnIphone]);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));

        host.WaitForAssertion(() => Assert.Equal(2, host.FindAll("[data-test=sessions] [data-test=browser]").Count));
        var browsers = host.FindAll("[data-test=sessions] [data-test=browser]").Select(b => b.TextContent.Trim()).Order().ToList();
        Assert.Equal(["Chrome 126.0.0.0", "Mobile Safari 17.5"], browsers);
        Assert.Contains("iOS 17.5", host.Find("[data-test=sessions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Apple iPhone (mobile)", host.Find("[data-test=sessions]").TextContent, StringComparison.Ordinal);
        var card = host.Find("[data-test=user-card]").TextContent;
        Assert.Contains("local", card, StringComparison.Ordinal);
        Assert.Contains("e-mail not verified", card, StringComparison.Ordinal);
        Assert.Contains(user.SignUpAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeOneSession_EndsOnlyThatOne()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test", sessionUserAgents: [UserSeed.ChromeOnMac, UserSeed.SafariOnIphone]);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForAssertion(() => Assert.Equal(2, host.FindAll("[data-test=revoke]").Count));

        host.FindAll("[data-test=revoke]")[0].Click();

        AssertSnackbar(host, "Revoked the session of ada@example.test");
        host.WaitForAssertion(() => Assert.Single(host.FindAll("[data-test=revoke]")));
        await using var db = await OpenDbAsync();
        Assert.Equal(1, await db.Sessions.CountAsync(s => s.UserId == user.Id && s.RevokedAt == null, Ct));
    }

    [Fact]
    public async Task MarkEmailVerified_UpdatesTheUser()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test");
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForElement("[data-test=verify-email]").Click();

        AssertSnackbar(host, "Marked the e-mail address of ada@example.test as verified.");
        host.WaitForAssertion(() => Assert.Contains("e-mail verified", host.Find("[data-test=user-card]").TextContent, StringComparison.Ordinal));
        Assert.Empty(host.FindAll("[data-test=verify-email]"));
        Assert.True((await Services.GetRequiredService<UserDirectory>().GetAsync(user.Id, Ct))!.EmailVerified);
    }

    [Fact]
    public async Task Disable_AfterConfirming_EndsEverySession_AndEnableUndoesOnlyTheFlag()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test", sessionUserAgents: [UserSeed.ChromeOnMac]);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForElement("[data-test=toggle-disabled]").Click();
        Confirm(host, "Disable");

        AssertSnackbar(host, "Disabled ada@example.test and ended their sessions.");
        host.WaitForAssertion(() => Assert.Equal("disabled", host.Find("[data-test=status]").TextContent.Trim()));
        Assert.Contains("No active sessions", host.Markup, StringComparison.Ordinal);

        host.Find("[data-test=toggle-disabled]").Click();
        host.WaitForAssertion(() => Assert.Equal("active", host.Find("[data-test=status]").TextContent.Trim()));
        await using var db = await OpenDbAsync();
        Assert.Equal(0, await db.Sessions.CountAsync(s => s.UserId == user.Id && s.RevokedAt == null, Ct));
    }

    [Fact]
    public async Task Delete_AfterConfirming_RemovesTheUser_AndGoesBackToTheList()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test", sessionUserAgents: [UserSeed.ChromeOnMac]);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForElement("[data-test=delete-user]").Click();
        Confirm(host, "Delete");

        host.WaitForAssertion(() => Assert.EndsWith("/users", Navigation.Uri, StringComparison.Ordinal));
        Assert.Null(await Services.GetRequiredService<UserDirectory>().GetAsync(user.Id, Ct));
        await using var db = await OpenDbAsync();
        Assert.Equal(0, await db.Sessions.CountAsync(s => s.UserId == user.Id, Ct));
    }

    [Fact]
    public async Task Delete_Cancelled_KeepsTheUser()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test");
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForElement("[data-test=delete-user]").Click();
        Confirm(host, "Cancel");

        Assert.NotNull(await Services.GetRequiredService<UserDirectory>().GetAsync(user.Id, Ct));
    }

    [Fact]
    public void UnknownUser_SaysSo()
    {
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, "0123456789abcdef01234567"));
        host.WaitForAssertion(() => Assert.Contains("This user does not exist", host.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
    }

    private static List<string> Links(IRenderedComponent<StudioHost> host) =>
        host.FindAll("[data-test=user-link]").Select(l => l.TextContent.Trim()).ToList();

    // The field debounces typing; the table reload it triggers is what a test waits for.
    private static async Task SearchAsync(IRenderedComponent<StudioHost> host, string text)
    {
        var field = host.FindComponent<MudBlazor.MudTextField<string>>();
        await host.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(text));
    }
}
