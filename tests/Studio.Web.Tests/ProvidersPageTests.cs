using System.Security.Cryptography;
using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Providers: callback URLs to copy, console links, required credentials, Apple's key.</summary>
public sealed class ProvidersPageTests : StudioTest
{
    [Fact]
    public void EveryProvider_ShowsItsCallbackUrl_FromThePublicBaseUrl_AndItsConsole()
    {
        var host = RenderPage<Providers>();
        host.WaitForElement("[data-provider=github]");

        // Panels start folded; the callback URL sits in each panel's content once expanded.
        foreach (var header in host.FindAll(".mud-expand-panel-header")) header.Click();
        var urls = host.WaitForElements("[data-test=callback-url]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(
            ["google", "apple", "facebook", "twitter", "github", "discord"],
            urls.Select(u => u.Replace("http://auth.test/oauth/", "", StringComparison.Ordinal).Replace("/callback", "", StringComparison.Ordinal)));
        var github = host.Find("[data-provider=github] [data-test=console-link]");
        Assert.Equal("https://github.com/settings/developers", github.GetAttribute("href"));
        Assert.Equal("_blank", github.GetAttribute("target"));
    }

    [Fact]
    public void CopyButton_PutsTheCallbackUrlOnTheClipboard()
    {
        var host = RenderPage<Providers>();
        host.WaitForElement("[data-provider=discord] .mud-expand-panel-header").Click();
        host.WaitForElement("[data-provider=discord] [data-test=copy]").Click();

        // The button's handler may yield before it calls the clipboard on a loaded machine: wait for the call.
        host.WaitForAssertion(() => Assert.Single(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText"));
        var call = JSInterop.Invocations.Single(i => i.Identifier == "navigator.clipboard.writeText");
        Assert.Equal("http://auth.test/oauth/discord/callback", call.Arguments[0]);
        AssertSnackbar(host, "Copied the callback URL.");
    }

    [Fact]
    public async Task EnablingGitHub_RequiresIdAndSecret_ThenSavesThem()
    {
        var host = RenderPage<Providers>();
        host.WaitForElement("[data-provider=github] .mud-expand-panel-header").Click();
        host.WaitForElement("[data-field='providers.github.enabled']").Change(true);

        host.WaitForAssertion(() => Assert.Equal(2, CountOf(host.Find("[data-provider=github]").TextContent, "Required when the provider is enabled.")));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));

        host.Find("[data-field='providers.github.clientId']").Input("Iv1.github-client");
        host.Find("[data-secret='providers.github.clientSecret'] input").Input("github-client-secret");
        host.WaitForAssertion(() => Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled")));
        host.Find("[data-test=save]").Click();

        AssertSnackbar(host, "Providers › GitHub › Enabled");
        var github = (await DraftSettingsAsync()).Providers.Github;
        Assert.True(github.Enabled);
        Assert.Equal("Iv1.github-client", github.ClientId);
        Assert.Equal("github-client-secret", github.ClientSecret);
        // The field is emptied once the save has re-rendered; under load that can follow the snackbar.
        host.WaitForAssertion(() => Assert.DoesNotContain("github-client-secret", host.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplePrivateKey_MustBeAP256Pem_AndOnceStoredStaysValidWhenKept()
    {
        var host = RenderPage<Providers>();
        host.WaitForElement("[data-provider=apple] .mud-expand-panel-header").Click();
        var key = host.WaitForElement("[data-secret='providers.apple.privateKey'] textarea");
        key.Input("not a key");
        host.WaitForAssertion(() => Assert.Contains("Must be the PEM text of the .p8 key", host.Markup, StringComparison.Ordinal));

        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = ec.ExportPkcs8PrivateKeyPem();
        host.Find("[data-secret='providers.apple.privateKey'] textarea").Input(pem);
        host.Find("[data-field='providers.apple.teamId']").Input("TEAM123456");
        host.WaitForAssertion(() => Assert.DoesNotContain("Must be the PEM text", host.Markup, StringComparison.Ordinal));
        host.Find("[data-test=save]").Click();
        AssertSnackbar(host, "Providers › Apple › Private key");
        Assert.Equal(pem, (await DraftSettingsAsync()).Providers.Apple.PrivateKey);

        // The kept key reads as "set"; editing another field neither needs nor shows it again.
        host.WaitForAssertion(() => Assert.Equal("set", host.Find("[data-secret='providers.apple.privateKey'] [data-test=secret-status]").TextContent.Trim()));
        var body = pem.Split('\n')[1];
        Assert.DoesNotContain(body, host.Markup, StringComparison.Ordinal);
        host.Find("[data-field='providers.apple.keyId']").Input("KEY1234567");
        host.WaitForAssertion(() => Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled")));
        host.Find("[data-test=save]").Click();
        AssertSnackbar(host, "Providers › Apple › Key ID");
        Assert.Equal(pem, (await DraftSettingsAsync()).Providers.Apple.PrivateKey);
    }

    [Fact]
    public void EndpointOverride_MustBeAnHttpUrl()
    {
        var host = RenderPage<Providers>();
        host.WaitForElement("[data-provider=github] .mud-expand-panel-header").Click();
        host.WaitForElement("[data-field='providers.github.tokenEndpoint']").Input("javascript:alert(1)");
        host.WaitForAssertion(() => Assert.Contains("Must be an absolute http:// or https:// URL", host.Markup, StringComparison.Ordinal));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
