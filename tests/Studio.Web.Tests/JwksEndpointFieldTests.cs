using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Providers → advanced: the JWKS override of the providers whose ID tokens are checked (Google, Apple).</summary>
public sealed class JwksEndpointFieldTests : StudioTest
{
    [Fact]
    public void GoogleAndApple_HaveAJwksOverride_OtherProvidersDoNot()
    {
        var host = RenderPage<Providers>();
        host.WaitForElement("[data-provider=github]");
        foreach (var provider in new[] { "google", "apple", "github" }) OpenAdvanced(host, provider);

        host.WaitForElement("[data-field='providers.google.jwksEndpoint']");
        Assert.NotNull(host.Find("[data-field='providers.apple.jwksEndpoint']"));
        Assert.NotNull(host.Find("[data-field='providers.github.userInfoEndpoint']"));
        Assert.Empty(host.FindAll("[data-field='providers.github.jwksEndpoint']"));
    }

    [Fact]
    public async Task JwksOverride_IsValidated_ThenSaved_AndOpensTheAdvancedPanelNextTime()
    {
        var host = RenderPage<Providers>();
        host.WaitForElement("[data-provider=google]");
        OpenAdvanced(host, "google");

        host.WaitForElement("[data-field='providers.google.jwksEndpoint']").Input("not a url");
        host.WaitForAssertion(() => Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled")));
        host.Find("[data-field='providers.google.jwksEndpoint']").Input("https://keys.example.test/google/jwks");
        host.WaitForAssertion(() => Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled")));
        host.Find("[data-test=save]").Click();

        host.WaitForAssertion(() => Assert.Contains("Providers › Google › JWKS endpoint", host.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        Assert.Equal("https://keys.example.test/google/jwks", (await DraftSettingsAsync()).Providers.Google.JwksEndpoint);

        await DisposeComponentsAsync();
        var again = RenderPage<Providers>();
        again.WaitForElement("[data-provider=google] .mud-expand-panel-header").Click();
        again.WaitForAssertion(() => Assert.Equal("https://keys.example.test/google/jwks",
            again.Find("[data-field='providers.google.jwksEndpoint']").GetAttribute("value")));
    }

    private static void OpenAdvanced(IRenderedComponent<StudioHost> host, string provider)
    {
        host.Find($"[data-provider={provider}] .mud-expand-panel-header").Click();
        host.WaitForAssertion(() => host.FindAll($"[data-provider={provider}] .mud-expand-panel-header")
            .Single(h => h.TextContent.Contains("Advanced", StringComparison.Ordinal)).Click());
    }
}
