using System.Net;
using System.Text.RegularExpressions;
using Studio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Studio.E2E;

/// <summary>Who gets in: nobody without signing in, while the runtime keeps answering without cookies.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private StudioApp _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = StudioApp.Start();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task StudioPage_WithoutSignIn_InChromium_EndsOnTheSignInPage()
    {
        await using var browser = await BrowserSession.StartAsync();
        await _app.IssueSetupCodeAsync();
        await browser.Page.GotoAsync(_app.BaseUrl + "/settings/providers");

        // No operator yet: the sign-in page hands over to first-run setup; nothing of the studio shows.
        await Expect(browser.Page).ToHaveURLAsync(new Regex("/setup$"));
        await Expect(browser.Page.Locator("[data-test=circuit]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheOperatorOut_EvenWithTheRightOne()
    {
        var operators = (Auth.Core.Operators.OperatorService)_app.Services.GetService(typeof(Auth.Core.Operators.OperatorService))!;
        Assert.True((await operators.CreateAsync("locked@example.test", "the right password", TestContext.Current.CancellationToken)).IsSuccess);
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await page.GotoAsync(_app.BaseUrl + "/signin");

        for (var i = 0; i < 5; i++)
        {
            await page.FillAsync("#email", "locked@example.test");
            await page.FillAsync("#password", "a wrong password");
            await page.ClickAsync("button[type=submit]");
            await Expect(page.Locator("[data-test=signin-error]")).ToContainTextAsync("not right");
        }

        await page.FillAsync("#email", "locked@example.test");
        await page.FillAsync("#password", "the right password");
        await page.ClickAsync("button[type=submit]");
        // Locked reads exactly like a wrong password: the form must not tell which e-mails are operators.
        await Expect(page.Locator("[data-test=signin-error]")).ToHaveTextAsync("The e-mail address or password is not right, or the account is locked for a while after too many failed sign-ins.");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await browser.ScreenshotAsync("signin-locked");
    }

    [Fact]
    public async Task Favicon_LinkedFromTheSignInPage_Answers200()
    {
        using var http = _app.CreateRawClient();
        // Before the first operator exists /signin sends to /setup; either static page carries the link.
        using var signIn = await http.GetAsync("/signin", TestContext.Current.CancellationToken);
        var pagePath = signIn.StatusCode == HttpStatusCode.Redirect ? signIn.Headers.Location!.OriginalString : "/signin";
        var page = await http.GetStringAsync(pagePath, TestContext.Current.CancellationToken);
        var href = System.Text.RegularExpressions.Regex.Match(page, "<link rel=\"icon\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;
        Assert.True(href.StartsWith("favicon", StringComparison.Ordinal), page[..Math.Min(page.Length, 800)]);

        foreach (var path in new[] { "/" + href, "/favicon.svg" })
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/settings/authentication")]
    [InlineData("/settings/versions")]
    [InlineData("/users")]
    [InlineData("/operators")]
    [InlineData("/settings/versions/export")]
    public async Task StudioPages_WithoutCookie_RedirectToSignIn(string path)
    {
        using var http = _app.CreateRawClient();
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlazorHub_WithoutCookie_RefusesTheConnection()
    {
        using var http = _app.CreateRawClient();
        using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        using var socket = await http.GetAsync("/_blazor?id=anything", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, socket.StatusCode);
    }

    [Fact]
    public async Task SignInPage_CarriesTheSecurityHeaders()
    {
        using var http = _app.CreateRawClient();
        using var response = await http.GetAsync("/signin", TestContext.Current.CancellationToken);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/.well-known/jwks.json")]
    [InlineData("/openapi/v1.json")]
    public async Task RuntimePaths_WithoutCookie_StillAnswer_WithoutStudioHeaders(string path)
    {
        using var http = _app.CreateRawClient();
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task RuntimeApi_WithoutCookie_AnswersWithItsOwnEnvelope()
    {
        using var http = _app.CreateRawClient();
        using var content = new StringContent("""{"email":"nobody@example.test","password":"whatever-it-is"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/auth/signin-email", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_credentials", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
