using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>The retention settings of the hourly housekeeping, edited on the Authentication page.</summary>
public sealed class HousekeepingSettingsTests : StudioTest
{
    [Fact]
    public async Task RetentionDays_Changed_AreSavedToTheDraft()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("input[data-field='housekeeping.sessionRetentionDays']").Input("14");
        host.Find("input[data-field='housekeeping.failedMessageRetentionDays']").Input("365");
        host.WaitForAssertion(() => Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled")));
        host.Find("[data-test=save]").Click();

        await WaitForDraftAsync(d => d.Housekeeping.SessionRetentionDays == 14 && d.Housekeeping.FailedMessageRetentionDays == 365);
    }

    [Fact]
    public void RetentionDays_AboveTenYears_ShowsTheRangeAndBlocksSave()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("input[data-field='housekeeping.tokenRetentionDays']").Input("4000");

        host.WaitForAssertion(() => Assert.Contains("Must be between 1 and 3650", host.Markup, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
    }
}
