using System.Globalization;
using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages;
using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>The SMS pumping settings on the Authentication page, and the budget warning on the Overview.</summary>
public sealed class SendLimitsSettingsTests : StudioTest
{
    [Fact]
    public void SmsPerIpPerHour_OutOfRange_ShowsTheServersMessage()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='security.smsPerIpPerHour']").Input("0");

        host.WaitForAssertion(() => Assert.Contains("Must be between 1 and 100000.", host.Markup, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
    }

    [Fact]
    public async Task AllowedCountries_UnknownCodeRefused_ThenValidListSaved()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='phone.allowedCountries']").Input("FR, XX");
        host.WaitForAssertion(() => Assert.Contains("ISO 3166 alpha-2", host.Markup, StringComparison.Ordinal));

        host.Find("[data-field='phone.allowedCountries']").Input("fr de");
        host.WaitForAssertion(() => Assert.DoesNotContain("ISO 3166 alpha-2", host.Markup, StringComparison.Ordinal));
        host.Find("[data-test=save]").Click();

        await WaitForDraftAsync(d => d.Phone.AllowedCountries.SequenceEqual(["FR", "DE"]));
    }

    [Fact]
    public async Task BlockVoip_Save_AddsItToTheDefaults()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-type='voip']").Change(true);
        host.Find("[data-test=save]").Click();

        await WaitForDraftAsync(d => d.Phone.BlockedNumberTypes.Order().SequenceEqual(new[] { "premiumRate", "sharedCost", "unknown", "voip" }.Order()));
    }

    [Fact]
    public async Task Overview_SmsBudgetReached_SaysWhenAndWhenTextsResume()
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using (var db = await OpenDbAsync())
        {
            db.Throttles.Add(new Throttle { Key = SmsBudget.Key, Count = 1000, UpdatedAt = now.AddMinutes(-5), WindowEndsAt = now.AddMinutes(40) });
            await db.SaveChangesAsync(Ct);
        }

        var host = RenderPage<Home>();

        var alert = host.WaitForElement("[data-test=sms-budget-reached]").TextContent;
        Assert.Contains($"SMS budget reached at {Clock(now.AddMinutes(-5))} UTC", alert, StringComparison.Ordinal);
        Assert.Contains($"SMS resume at {Clock(now.AddMinutes(40))} UTC", alert, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_SmsBudgetNotReached_ShowsNoWarning()
    {
        var host = RenderPage<Home>();
        host.WaitForElement("[data-test=published-revision]");
        Assert.Empty(host.FindAll("[data-test=sms-budget-reached]"));
    }

    private static string Clock(DateTime at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);
}
