using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Redirect URLs: the entry rules, add / edit / remove, and the tester.</summary>
public sealed class RedirectUrlsPageTests : StudioTest
{
    [Theory]
    [InlineData("ftp://files.example.test/in", "http")]
    [InlineData("https://*.com/auth", "wildcard can't be used in the domain name")]
    [InlineData("https://app.example.test/cb?x=1", "query string")]
    [InlineData("http://localhost:3000/auth-redirect", "already on the list")]
    public void NewEntry_ThatCantBeAllowed_SaysWhy_AndCantBeAdded(string url, string reason)
    {
        var host = RenderPage<RedirectUrls>();
        host.WaitForElement("[data-test=new-url]").Input(url);

        host.WaitForAssertion(() => Assert.Contains(reason, host.Find("[data-test=redirect-tester]").ParentElement!.TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(host.Find("[data-test=add-url]").GetAttribute("disabled"));
    }

    [Fact]
    public async Task Add_Edit_Remove_ThenSave_ReplacesTheList()
    {
        var host = RenderPage<RedirectUrls>();
        host.WaitForElement("[data-test=new-url]").Input("https://app.example.test/welcome");
        host.Find("[data-test=add-url]").Click();
        host.WaitForAssertion(() => Assert.Equal(2, host.FindAll("[data-test=redirect-row]").Count));

        host.Find("[data-field='redirectURLs[1]']").Input("https://*.example.test/welcome");
        host.FindAll("[data-test=remove-url]")[0].Click();
        host.WaitForAssertion(() => Assert.Single(host.FindAll("[data-test=redirect-row]")));
        host.Find("[data-test=save]").Click();

        AssertSnackbar(host, "Saved to the draft: Redirect URLs");
        Assert.Equal(["https://*.example.test/welcome"], (await DraftSettingsAsync()).RedirectURLs);
    }

    [Fact]
    public void EditingAnEntryIntoADuplicate_ShowsTheListRule()
    {
        var host = RenderPage<RedirectUrls>();
        host.WaitForElement("[data-test=new-url]").Input("https://app.example.test/a");
        host.Find("[data-test=add-url]").Click();
        host.WaitForElement("[data-field='redirectURLs[1]']").Input("HTTP://LOCALHOST:3000/auth-redirect");

        host.WaitForAssertion(() => Assert.Contains("Duplicate of redirectURLs[0]", host.Markup, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
    }

    [Fact]
    public void RemovingEveryEntry_ShowsTheEmptyState()
    {
        var host = RenderPage<RedirectUrls>();
        host.WaitForElement("[data-test=remove-url]").Click();
        host.WaitForAssertion(() => Assert.Contains("No redirect URLs yet", host.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Tester_NamesTheEntryThatAllows_OrWhyNoneDoes()
    {
        var host = RenderPage<RedirectUrls>();
        host.WaitForElement("[data-test=new-url]").Input("https://*.example.test/auth");
        host.Find("[data-test=add-url]").Click();

        host.Find("[data-test=tester-input]").Input("https://Shop.Example.Test/auth?next=%2Fcart#top");
        host.WaitForAssertion(() => Assert.Equal("https://*.example.test/auth", host.Find("[data-test=verdict-draft] [data-test=matched-entry]").TextContent));
        Assert.Contains("https://shop.example.test/auth?next=%2Fcart", host.Find("[data-test=verdict-draft]").TextContent, StringComparison.Ordinal);
        // Published is still the default list: the unsaved wildcard does not count there yet.
        Assert.Contains("No allowed redirect URL has the origin https://shop.example.test", host.Find("[data-test=verdict-published]").TextContent, StringComparison.Ordinal);

        host.Find("[data-test=tester-input]").Input("https://a.b.example.test/auth");
        host.WaitForAssertion(() => Assert.Contains("No allowed redirect URL has the origin", host.Find("[data-test=verdict-draft] [data-test=reason]").TextContent, StringComparison.Ordinal));

        host.Find("[data-test=tester-input]").Input("http://localhost:3000/other");
        host.WaitForAssertion(() => Assert.Contains("The path /other is not allowed for http://localhost:3000", host.Find("[data-test=verdict-draft] [data-test=reason]").TextContent, StringComparison.Ordinal));
    }
}
