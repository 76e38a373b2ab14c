using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Toasts sit bottom left, away from the draft banner's "Review and publish" link at the top.</summary>
public sealed class SnackbarPlacementTests : StudioTest
{
    [Fact]
    public async Task SaveToast_ShowsBottomLeft_NotOverTheDraftBanner()
    {
        await PatchDraftAsync("""{"email":{"confirmEmail":false}}""");
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='app.name']").Input("Renamed app");
        host.WaitForAssertion(() => Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled")));
        host.Find("[data-test=save]").Click();

        AssertSnackbar(host, "Saved to the draft");
        Assert.Contains("mud-snackbar-location-bottom-left", host.Find("#mud-snackbar-container").ClassName, StringComparison.Ordinal);
    }
}
