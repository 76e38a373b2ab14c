using Auth.Core.Activity;
using Auth.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages.Activity;
using Studio.Web.Components.Pages.Users;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Activity: the log's page with its filters and cursor in the URL, and a user's timeline on their page.</summary>
public sealed class ActivityPageTests : StudioTest
{
    [Fact]
    public async Task Activity_OlderAndNewer_PageThroughTheLogNewestFirst_WithTheCursorInTheUrl()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test");
        var admin = Services.GetRequiredService<UserAdministration>();
        // 60 real operator actions: 30 disables and 30 enables, each an event in its own transaction.
        for (var i = 0; i < 30; i++)
        {
            Assert.True((await admin.SetDisabledAsync(user.Id, true, Ct)).IsSuccess);
            Assert.True((await admin.SetDisabledAsync(user.Id, false, Ct)).IsSuccess);
        }
        var host = RenderPage<ActivityPage>();

        host.WaitForAssertion(() => Assert.Equal(ActivityLog.DefaultLimit, Types(host).Count));
        Assert.Equal(EventTypes.UserEnabled, Types(host)[0]);
        Assert.True(host.Find("[data-test=newer]").HasAttribute("disabled"));
        var first = Types(host);

        host.Find("[data-test=older]").Click();
        host.WaitForAssertion(() => Assert.True(Types(host).Count < ActivityLog.DefaultLimit));
        Assert.Contains("cursor=", Navigation.Uri, StringComparison.Ordinal);
        Assert.True(host.Find("[data-test=older]").HasAttribute("disabled"));
        Assert.Equal(first.Count + Types(host).Count, (await CountEventsAsync()));

        host.Find("[data-test=newer]").Click();
        host.WaitForAssertion(() => Assert.Equal(first, Types(host)));
    }

    [Fact]
    public async Task Activity_FilterFromTheUrlAndTheUserField_NarrowsTheList_AndKeepsItInTheUrl()
    {
        var ada = await UserSeed.AddUserAsync(Services, "ada@example.test");
        var bob = await UserSeed.AddUserAsync(Services, "bob@example.test");
        var admin = Services.GetRequiredService<UserAdministration>();
        Assert.True((await admin.SetDisabledAsync(ada.Id, true, Ct)).IsSuccess);
        Assert.True((await admin.MarkVerifiedAsync(ada.Id, VerifiedChannel.Email, Ct)).IsSuccess);
        Assert.True((await admin.SetDisabledAsync(bob.Id, true, Ct)).IsSuccess);
        Navigation.NavigateTo($"/activity?type={EventTypes.UserDisabled}");
        var host = RenderPage<ActivityPage>();
        host.WaitForAssertion(() => Assert.Equal([EventTypes.UserDisabled, EventTypes.UserDisabled], Types(host)));

        var field = host.FindComponents<MudBlazor.MudTextField<string>>().Single(f => f.Instance.Label == "User id");
        await host.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(ada.Id));

        host.WaitForAssertion(() => Assert.Equal([EventTypes.UserDisabled], Types(host)));
        Assert.Contains($"user={ada.Id}", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains($"type={EventTypes.UserDisabled}", Navigation.Uri, StringComparison.Ordinal);
        Assert.EndsWith(ada.Id[^8..], host.Find("[data-test=event-user]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_DateRange_KeepsOnlyThoseDays_AndABadCursorSaysSo()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test");
        Assert.True((await Services.GetRequiredService<UserAdministration>().SetDisabledAsync(user.Id, true, Ct)).IsSuccess);
        // Yesterday to tomorrow: the event's day, even if midnight passes during the test.
        string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Navigation.NavigateTo($"/activity?from={Day(-1)}&to={Day(1)}");
        var host = RenderPage<ActivityPage>();
        host.WaitForAssertion(() => Assert.Contains(EventTypes.UserDisabled, Types(host)));

        await host.InvokeAsync(() => Navigation.NavigateTo("/activity?from=2000-01-01&to=2000-01-02"));
        host.WaitForAssertion(() => Assert.Empty(Types(host)));
        await host.InvokeAsync(() => Navigation.NavigateTo("/activity?cursor=edited"));
        host.WaitForAssertion(() => Assert.Contains("out of date", host.Find("[data-test=activity-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UserDetail_Timeline_ShowsThatUsersEventsOnly()
    {
        var ada = await UserSeed.AddUserAsync(Services, "ada@example.test");
        var bob = await UserSeed.AddUserAsync(Services, "bob@example.test");
        var admin = Services.GetRequiredService<UserAdministration>();
        Assert.True((await admin.MarkVerifiedAsync(ada.Id, VerifiedChannel.Email, Ct)).IsSuccess);
        Assert.True((await admin.SetDisabledAsync(ada.Id, true, Ct)).IsSuccess);
        Assert.True((await admin.SetDisabledAsync(bob.Id, true, Ct)).IsSuccess);

        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, ada.Id));

        host.WaitForAssertion(() => Assert.Equal([EventTypes.UserDisabled, EventTypes.UserVerified], Types(host, "[data-test=user-timeline] ")));
        Assert.Contains("channel: email", host.Find("[data-test=user-timeline]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/activity?user={ada.Id}", host.Find("[data-test=timeline-all]").GetAttribute("href"));
    }

    private static List<string> Types(IRenderedComponent<StudioHost> host, string scope = "") =>
        host.FindAll($"{scope}[data-test=event-type]").Select(t => t.TextContent.Trim()).ToList();

    private async Task<int> CountEventsAsync()
    {
        await using var db = await OpenDbAsync();
        return db.Events.Count();
    }
}
