using System.Net;
using System.Net.Http.Json;
using Auth.TestKit.OAuth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Auth.Runtime.Browser.Tests;

/// <summary>
/// End to end in Debian's Chromium: a sample app on another origin imports the browser client from the
/// runtime (a real Kestrel port, which is also Runtime:PublicBaseUrl), signs in with GitHub through the
/// loopback fake and lands back with the user's name, then signs in with e-mail and password.
/// </summary>
public sealed class OAuthBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse 1";
    private readonly SqliteTarget _database = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AuthAppFactory _runtime = null!;
    private FakeOAuthServer _fake = null!;
    private SampleApp _sample = null!;
    private string _runtimeUrl = "";

    public async ValueTask InitializeAsync()
    {
        // The callback URL is built from PublicBaseUrl, so it must be the real address: the port is chosen first (and
        // again if another process takes it before the bind). "localhost", not 127.0.0.1: the fake provider's origin
        // must be another site, or the Apple test's form post would not be cross-site.
        var port = 0;
        _runtime = await LoopbackPort.StartAsync(
            p =>
            {
                port = p;
                return new AuthAppFactory(_database, _time) { PublicBaseUrl = $"http://localhost:{p}" };
            },
            runtime =>
            {
                runtime.UseKestrel(port);
                runtime.StartServer();
            });
        _runtimeUrl = $"http://localhost:{port}";
        _fake = await FakeOAuthServer.StartAsync(_time);
        _sample = await SampleApp.StartAsync(_runtimeUrl);
        await PublishAsync(new
        {
            redirectURLs = new[] { _sample.RedirectUrl, _sample.Origin + "/" },
            email = new { confirmEmail = false },
            providers = new { github = _fake.Github.SettingsPatch(), apple = _fake.Apple.SettingsPatch() },
        });
    }

    [Fact]
    public async Task SampleApp_SignInWithGithub_LandsBackAndShowsTheUser()
    {
        _fake.Github.NextUser = _fake.Github.NextUser with { Name = "Octo Rooby" };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_sample.Origin + "/");
        await Assertions.Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        await page.ClickAsync("#github");

        await page.WaitForURLAsync(_sample.RedirectUrl + "**");
        await Assertions.Expect(page.Locator("#name")).ToHaveTextAsync("Octo Rooby");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("signed in with github");
        await Assertions.Expect(page.Locator("#user-id")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{24}$"));
        Assert.DoesNotContain("access_token", page.Url, StringComparison.Ordinal);
        Assert.StartsWith(_runtimeUrl + "/oauth/github/callback", Assert.Single(_fake.Github.AuthorizeRequests)["redirect_uri"].ToString(), StringComparison.Ordinal);

        // Back again: the same user, now a sign-in.
        await page.ClickAsync("#github");
        await page.WaitForURLAsync(_sample.RedirectUrl + "**");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("signed in with github");
        Assert.Equal(2, _fake.Github.AuthorizeRequests.Count);
    }

    [Fact]
    public async Task SampleApp_SignInWithApple_SurvivesTheCrossSiteFormPost()
    {
        _fake.Apple.NextUser = _fake.Apple.NextUser with { Name = "Apple Rooby" };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_sample.Origin + "/");
        await Assertions.Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        await page.ClickAsync("#apple");

        await page.WaitForURLAsync(_sample.RedirectUrl + "**");
        await Assertions.Expect(page.Locator("#name")).ToHaveTextAsync("Apple Rooby");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("signed in with apple");
        Assert.Equal(1, _fake.Apple.TokenRequests);
    }

    [Fact]
    public async Task SampleApp_SignInWithEmail_ShowsTheUserAndManagesTheSession()
    {
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        using (var client = new HttpClient { BaseAddress = new Uri(_runtimeUrl) })
        {
            var signUp = await client.PostAsJsonAsync("/auth/signup-email", new { email, password = Password, name = "Mail Rooby" }, Ct);
            Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_sample.Origin + "/");
        await Assertions.Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#email-signin");

        await Assertions.Expect(page.Locator("#name")).ToHaveTextAsync("Mail Rooby");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("signed in with local");

        var sessions = await page.EvaluateAsync<string>(
            "async () => { const r = await window.authClient.auth.getSessions(); return r.errors === null ? `${r.sessions.length} current=${r.sessions.filter(x => x.current).length}` : r.errors[0].code; }");
        Assert.Equal("2 current=1", sessions); // the sign-up's session and this one
        var afterSignOut = await page.EvaluateAsync<string>(
            "async () => { const out = await window.authClient.auth.signOut(); if (out.errors) return 'signOut failed'; const me = await window.authClient.auth.getUser(); return me.errors[0].code; }");
        Assert.Equal("missing_session_token", afterSignOut);
        var wrong = await page.EvaluateAsync<string>(
            $"async () => (await window.authClient.auth.signInWithEmail('{email}', 'wrong password 1')).errors[0].code");
        Assert.Equal("invalid_credentials", wrong);
    }

    private Task PublishAsync(object patch) => RuntimeSettings.PublishAsync(_runtimeUrl, patch, "browser test");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_sample is not null) await _sample.DisposeAsync();
        if (_fake is not null) await _fake.DisposeAsync();
        await _runtime.DisposeAsync();
        await _database.DisposeAsync();
    }
}
