using Microsoft.Playwright;

namespace Auth.Runtime.Browser.Tests;

/// <summary>The landing page in a real browser, over a real Kestrel port.</summary>
public sealed class BrowserSmokeTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private AuthAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new AuthAppFactory(_database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow));
        _app.UseKestrel(0);
        _app.StartServer();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task LandingPage_InChromium_ShowsTheProductName()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var baseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        await page.GotoAsync(baseUrl + "/");

        await Assertions.Expect(page.Locator("h4")).ToContainTextAsync("Auth Studio");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
