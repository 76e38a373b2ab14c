using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Extensions;
using Studio.Web.Components.Pages.Users;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Creating, editing, inviting and unlocking users in the studio, and the list's filters kept in the URL (ADR 0022).</summary>
public sealed class UserManagementPageTests : StudioTest
{
    [Fact]
    public async Task CreatePage_EmailWithInvitation_CreatesTheUserQueuesTheLinkAndOpensTheUser()
    {
        var host = RenderPage<UserCreate>();
        await TypeAsync(host, "email", "New.Person@Example.test");
        await TypeAsync(host, "name", "New Person");
        await CheckAsync(host, "invite", true);

        host.WaitForAssertion(() => Assert.Contains("Create and send invitation", host.Find("[data-test=create]").TextContent, StringComparison.Ordinal));
        await host.InvokeAsync(() => host.Find("[data-test=create]").Click());

        await using var db = await OpenDbAsync();
        await Eventually.Until(() => db.Users.AnyAsync(u => u.NormalizedEmail == "new.person@example.test", Ct), "the user to be created");
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == "new.person@example.test", Ct);
        Assert.False(user.EmailVerified);
        Assert.Equal("New Person", user.Name);
        Assert.Null(user.PasswordHash);
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.UserId == user.Id, Ct);
        Assert.Equal("magic_link", message.Type);
        Assert.Equal(["user.created", "user.invited"], await db.Events.Where(e => e.UserId == user.Id).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync(Ct));
        host.WaitForAssertion(() => Assert.EndsWith($"/users/{user.Id}", Navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreatePage_TakenEmailAndBadInput_ShowTheErrorsOnTheFormAndCreateNothing()
    {
        await UserSeed.AddUserAsync(Services, "ada@example.test");
        var host = RenderPage<UserCreate>();
        await TypeAsync(host, "email", "ADA@example.test");
        await host.InvokeAsync(() => host.Find("[data-test=create]").Click());
        host.WaitForAssertion(() => Assert.Contains("already exists", host.Find("[data-test=create-error]").TextContent, StringComparison.Ordinal));

        await TypeAsync(host, "email", "not-an-address");
        await TypeAsync(host, "password", "short");
        await host.InvokeAsync(() => host.Find("[data-test=create]").Click());
        host.WaitForAssertion(() => Assert.Equal(["email", "password"], host.FindComponents<MudTextField<string>>()
            .Where(c => c.Instance.GetState(x => x.Error)).Select(c => (string)c.Instance.UserAttributes["data-test"]!).Order(StringComparer.Ordinal)));

        await TypeAsync(host, "user-data", "[1, 2]");
        await host.InvokeAsync(() => host.Find("[data-test=create]").Click());
        host.WaitForAssertion(() => Assert.Contains("JSON object", host.Markup, StringComparison.Ordinal));
        await using var db = await OpenDbAsync();
        Assert.Equal(1, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task UserList_FiltersSortAndPage_GoIntoTheUrlAndAReloadShowsTheSamePage()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 25; i++) await UserSeed.AddUserAsync(Services, $"user{i:00}@example.test", signUpAt: start.AddMinutes(i));
        await using (var db = await OpenDbAsync())
            await db.Users.Where(u => string.Compare(u.Email, "user03@example.test") < 0).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, true), Ct);
        var host = RenderPage<UserList>();
        host.WaitForAssertion(() => Assert.Equal(20, Links(host).Count));

        await SelectAsync(host, "filter-disabled", "false");
        host.WaitForAssertion(() => Assert.Equal(20, Links(host).Count));
        Assert.EndsWith("/users?disabled=false", Navigation.Uri, StringComparison.Ordinal);
        await host.InvokeAsync(() => host.FindComponents<MudSelect<Auth.Core.Users.UserSort>>().Single().Instance.ValueChanged.InvokeAsync(Auth.Core.Users.UserSort.Oldest));
        host.WaitForAssertion(() => Assert.Equal("user03@example.test", Links(host)[0]));
        host.Find("button[aria-label='Next page']").Click();
        host.WaitForAssertion(() => Assert.Equal(["user23@example.test", "user24@example.test"], Links(host)));
        Assert.Contains("sort=oldest", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains("cursor=", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains("page=2", Navigation.Uri, StringComparison.Ordinal);

        // A reload: the page is gone, and a new one on the same URL shows the same page of the same filtered listing.
        await DisposeComponentsAsync();
        var reloaded = RenderPage<UserList>();
        reloaded.WaitForAssertion(() => Assert.Equal(["user23@example.test", "user24@example.test"], Links(reloaded)));
        Assert.Contains("21-22 of 22", reloaded.Markup, StringComparison.Ordinal);
        reloaded.Find("button[aria-label='Previous page']").Click();
        reloaded.WaitForAssertion(() => Assert.Equal("user03@example.test", Links(reloaded)[0]));
    }

    [Fact]
    public async Task Detail_EditEmail_ClearsItsVerificationUnlessVouched()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test");
        await using (var db = await OpenDbAsync())
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailVerified, true), Ct);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));

        host.WaitForAssertion(() => host.Find("[data-test=edit-user]").Click());
        await TypeAsync(host, "edit-email", "grace@example.test");
        await TypeAsync(host, "edit-name", "Grace");
        await host.InvokeAsync(() => host.Find("[data-test=save-user]").Click());

        host.WaitForAssertion(() => Assert.Contains("grace@example.test", host.Find("[data-test=user-card]").TextContent, StringComparison.Ordinal));
        Assert.Contains("e-mail not verified", host.Find("[data-test=user-card]").TextContent, StringComparison.Ordinal);
        await using var check = await OpenDbAsync();
        var saved = await check.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct);
        Assert.Equal(("grace@example.test", false, "Grace"), (saved.NormalizedEmail, saved.EmailVerified, saved.Name));

        host.Find("[data-test=edit-user]").Click();
        await TypeAsync(host, "edit-email", "hopper@example.test");
        await CheckAsync(host, "edit-vouch-email", true);
        await host.InvokeAsync(() => host.Find("[data-test=save-user]").Click());
        await Eventually.Until(async () => (await check.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct)).EmailVerified, "the vouched address to be saved verified");
    }

    [Fact]
    public async Task Detail_LockedUser_UnlockClearsTheLockoutAndTheCounter()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test");
        await using (var db = await OpenDbAsync())
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.FailedSignInCount, 10).SetProperty(u => u.LockoutEndsAt, DateTime.UtcNow.AddHours(1)), Ct);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));

        host.WaitForAssertion(() => host.Find("[data-test=unlock]").Click());

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-test=locked]")));
        await using var check = await OpenDbAsync();
        var saved = await check.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct);
        Assert.Equal((0, (DateTime?)null), (saved.FailedSignInCount, saved.LockoutEndsAt));
        Assert.Contains("user.unlocked", await check.Events.Where(e => e.UserId == user.Id).Select(e => e.Type).ToListAsync(Ct));
    }

    private static List<string> Links(IRenderedComponent<StudioHost> host) =>
        host.FindAll("[data-test=user-link]").Select(l => l.TextContent.Trim()).ToList();

    private static Task TypeAsync(IRenderedComponent<StudioHost> host, string test, string value)
    {
        var field = host.FindComponents<MudTextField<string>>().Single(c => Equals(c.Instance.UserAttributes.GetValueOrDefault("data-test"), test));
        return host.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value));
    }

    private static Task CheckAsync(IRenderedComponent<StudioHost> host, string test, bool value)
    {
        var box = host.FindComponents<MudCheckBox<bool>>().Single(c => Equals(c.Instance.UserAttributes.GetValueOrDefault("data-test"), test));
        return host.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(value));
    }

    private static Task SelectAsync(IRenderedComponent<StudioHost> host, string test, string value)
    {
        var select = host.FindComponents<MudSelect<string>>().Single(c => Equals(c.Instance.UserAttributes.GetValueOrDefault("data-test"), test));
        return host.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
