using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary><c>events.retentionDays</c>, edited with the other retention settings on the Authentication page.</summary>
public sealed class EventsRetentionSettingsTests : StudioTest
{
    [Fact]
    public async Task EventsRetentionDays_Changed_IsSavedToTheDraft()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("input[data-field='events.retentionDays']").Input("30");
        host.WaitForAssertion(() => Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled")));
        host.Find("[data-test=save]").Click();

        await WaitForDraftAsync(d => d.Events.RetentionDays == 30);
    }

    [Fact]
    public void EventsRetentionDays_Zero_ShowsTheRangeAndBlocksSave()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("input[data-field='events.retentionDays']").Input("0");

        host.WaitForAssertion(() => Assert.Contains("Must be between 1 and 3650", host.Markup, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
    }
}
