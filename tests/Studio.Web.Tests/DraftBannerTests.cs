using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Shared;
using Studio.Web.State;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>The layout's banner follows the draft as pages save and publish.</summary>
public sealed class DraftBannerTests : StudioTest
{
    [Fact]
    public async Task Banner_AppearsAfterASave_AndGoesAfterPublishing()
    {
        var banner = Render<DraftBanner>();
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-test=draft-banner]")));

        await PatchDraftAsync("""{"app":{"name":"Changed"}}""");
        var draft = Services.GetRequiredService<DraftState>();
        await banner.InvokeAsync(() => draft.RefreshAsync(Ct));
        banner.WaitForAssertion(() => Assert.Contains("last edited by setup@example.test", banner.Find("[data-test=draft-banner]").TextContent, StringComparison.Ordinal));

        await Store.PublishAsync(null, Environment.Operator.Email, Ct);
        await banner.InvokeAsync(() => draft.RefreshAsync(Ct));
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-test=draft-banner]")));
    }
}
