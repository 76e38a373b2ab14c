using Studio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Studio.E2E;

/// <summary>The studio on a phone (390 px) and a laptop (1280 px).</summary>
public sealed class LayoutTests : IAsyncLifetime
{
    private const string Email = "layout@example.test";
    private const string Password = "a long operator password";

    private StudioApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = StudioApp.Start();
        var operators = _app.Services.GetService(typeof(Auth.Core.Operators.OperatorService)) as Auth.Core.Operators.OperatorService;
        var created = await operators!.CreateAsync(Email, Password, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccess);
    }

    [Fact]
    public async Task Phone_390px_HasADrawerToggle_AndNoHorizontalOverflow()
    {
        await using var browser = await BrowserSession.StartAsync(width: 390, height: 844);
        await SignInAsync(browser, "/settings/authentication");
        var page = browser.Page;

        await AssertNoHorizontalOverflowAsync(browser);
        var toggle = page.Locator("[data-test=drawer-toggle]");
        await Expect(toggle).ToBeVisibleAsync();
        await browser.ScreenshotAsync("390-authentication");

        // On a phone the drawer starts folded away; the toggle opens it over the page and a link navigates.
        var link = page.Locator("[data-test=drawer] a[href='/settings/versions']");
        await Expect(link).Not.ToBeInViewportAsync();
        await toggle.ClickAsync();
        await Expect(link).ToBeInViewportAsync();
        await browser.ScreenshotAsync("390-drawer");
        await link.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Versions");
        await AssertNoHorizontalOverflowAsync(browser);

        foreach (var path in new[] { "/settings/providers", "/settings/redirect-urls", "/users", "/operators", "/" })
        {
            await browser.GotoInteractiveAsync(_app.BaseUrl + path);
            await AssertNoHorizontalOverflowAsync(browser);
            await browser.ScreenshotAsync("390" + path.Replace('/', '-'));
        }
    }

    [Fact]
    public async Task Laptop_1280px_ShowsTheNavigationNextToThePage()
    {
        await using var browser = await BrowserSession.StartAsync(width: 1280, height: 800);
        await SignInAsync(browser, "/settings/providers");
        await Expect(browser.Page.Locator("[data-test=drawer] a[href='/users']")).ToBeVisibleAsync();
        await browser.Page.Locator("[data-provider=apple] .mud-expand-panel-header").First.ClickAsync();
        await Expect(browser.Page.Locator("[data-provider=apple] [data-test=callback-url]")).ToHaveTextAsync("http://auth.test/oauth/apple/callback");
        await Expect(browser.Page.Locator("[data-secret='providers.apple.privateKey'] textarea")).ToBeVisibleAsync();
        // The panel's opening animation has finished (MudCollapse marks it entered) before measuring and the screenshot.
        await Expect(browser.Page.Locator("[data-provider=apple] .mud-collapse-container").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-collapse-entered\b"));
        await AssertNoHorizontalOverflowAsync(browser);
        await browser.ScreenshotAsync("1280-providers");
    }

    private async Task SignInAsync(BrowserSession browser, string returnTo)
    {
        await browser.Page.GotoAsync(_app.BaseUrl + returnTo);
        await browser.Page.FillAsync("#email", Email);
        await browser.Page.FillAsync("#password", Password);
        await browser.Page.ClickAsync("button[type=submit]");
        await browser.WaitForCircuitAsync();
        Assert.EndsWith(returnTo, browser.Page.Url, StringComparison.Ordinal);
    }

    private static async Task AssertNoHorizontalOverflowAsync(BrowserSession browser)
    {
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the window at {browser.Page.Url}.");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
