using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>The passkeys settings, edited on the Authentication page.</summary>
public sealed class PasskeysSettingsTests : StudioTest
{
    [Fact]
    public async Task PasskeysFields_Changed_AreSavedToTheDraft()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='passkeys.enabled']").Change(true);
        host.Find("input[data-field='passkeys.rpId']").Input("example.com");
        host.Find("input[data-field='passkeys.origins']").Input("https://example.com, https://app.example.com");
        host.WaitForAssertion(() => Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled")));
        host.Find("[data-test=save]").Click();

        await WaitForDraftAsync(d => d.Passkeys.Enabled && d.Passkeys.RpId == "example.com"
            && d.Passkeys.Origins.SequenceEqual(["https://example.com", "https://app.example.com"]));
    }

    [Fact]
    public void Origin_OutsideTheRpId_ShowsTheRuleAndBlocksSave()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("input[data-field='passkeys.rpId']").Input("example.com");
        host.Find("input[data-field='passkeys.origins']").Input("https://example.org");

        host.WaitForAssertion(() => Assert.Contains("Its host must be passkeys.rpId or end with .example.com.", host.Markup, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
    }
}
