using System.Net;
using Auth.Core.Tokens;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.OAuth;

/// <summary>Every way an OAuth sign-in can fail: back to the app with status, code and error, or a plain page; never a 500, never a token.</summary>
public abstract partial class OAuthFailureSuite(AppFixture fixture) : OAuthSuiteBase(fixture)
{
    [Theory]
    [InlineData("github")]
    [InlineData("apple")]
    public async Task Callback_ConsentDenied_RedirectsWithAccessDenied(string provider)
    {
        Fake[provider].NextAuthorizeError = "access_denied";
        using var browser = NewBrowser();

        AssertErrorRedirect(await browser.SignInAsync(provider), "oauth_access_denied", 403);

        Assert.Equal(0, Fake[provider].TokenRequests);
    }

    [Fact]
    public async Task Callback_ProviderError_RedirectsWithOAuthFailed()
    {
        Fake.Github.NextAuthorizeError = "server_error";
        using var browser = NewBrowser();

        var query = AssertErrorRedirect(await browser.SignInAsync("github"), "oauth_failed", 502);

        Assert.Contains("server_error", query["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_MissingState_ShowsErrorPage()
    {
        using var browser = NewBrowser();
        await browser.StartAsync("github");

        await AssertErrorPage(await browser.App.GetAsync("/oauth/github/callback?code=abc", Ct), "invalid_oauth_state");
    }

    [Fact]
    public async Task Callback_ForgedState_ShowsErrorPage()
    {
        using var browser = NewBrowser();
        var callback = await browser.AuthorizeAsync(await browser.StartAsync("github"));
        var forged = TokenHashing.RandomHex(32);

        var response = await browser.App.GetAsync($"/oauth/github/callback?code={callback.Parameter("code")}&state={forged}", Ct);

        await AssertErrorPage(response, "invalid_oauth_state");
        Assert.Equal(0, Fake.Github.TokenRequests);
    }

    [Fact]
    public async Task Callback_ExpiredState_RedirectsWithInvalidState()
    {
        using var browser = NewBrowser();
        var callback = await browser.AuthorizeAsync(await browser.StartAsync("github"));

        Fixture.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var location = OAuthBrowser.AppRedirect(await browser.CallbackAsync(callback));

        AssertErrorRedirect(location, "invalid_oauth_state", 400);
        Assert.Equal(0, Fake.Github.TokenRequests);
    }

    [Fact]
    public async Task Callback_ReplayedState_RedirectsWithInvalidStateAndNoToken()
    {
        using var browser = NewBrowser();
        var callback = await browser.AuthorizeAsync(await browser.StartAsync("github"));
        await GrantAsync(OAuthBrowser.AppRedirect(await browser.CallbackAsync(callback)));

        var replay = OAuthBrowser.AppRedirect(await browser.CallbackAsync(callback));

        AssertErrorRedirect(replay, "invalid_oauth_state", 400);
        Assert.Equal(1, Fake.Github.TokenRequests);
    }

    [Fact]
    public async Task Callback_SameStateRaced_SucceedsExactlyOnce()
    {
        using var browser = NewBrowser();
        var callback = await browser.AuthorizeAsync(await browser.StartAsync("github"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => browser.CallbackAsync(callback)));

        var queries = responses.Select(r => OAuthBrowser.Query(OAuthBrowser.AppRedirect(r))).ToList();
        Assert.Single(queries, q => q.ContainsKey("access_token"));
        Assert.Equal(3, queries.Count(q => q.GetValueOrDefault("code") == "invalid_oauth_state"));
    }

    [Fact]
    public async Task Callback_StateFromAnotherBrowser_IsRefusedAndLeftForItsOwner()
    {
        using var victim = NewBrowser();
        using var owner = NewBrowser();
        var callback = await owner.AuthorizeAsync(await owner.StartAsync("github"));

        var crossed = OAuthBrowser.AppRedirect(await victim.CallbackAsync(callback));

        AssertErrorRedirect(crossed, "invalid_oauth_state", 400);
        Assert.Equal(0, Fake.Github.TokenRequests);
        var (_, _, action) = await GrantAsync(OAuthBrowser.AppRedirect(await owner.CallbackAsync(callback)));
        Assert.Equal("oauth-signup", action);
    }

    [Fact]
    public async Task Callback_AppleFormPostWithoutCookie_IsRelayedFromOurOriginThenCompletes()
    {
        using var owner = NewBrowser();
        using var crossSite = NewBrowser(); // a cross-site POST: the browser's Lax cookie stays behind
        var callback = await owner.AuthorizeAsync(await owner.StartAsync("apple"));

        var relay = await crossSite.CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.OK, relay.StatusCode);
        Assert.Equal(0, Fake.Apple.TokenRequests);
        var html = await relay.Content.ReadAsStringAsync(Ct);
        Assert.Contains("name=\"auth_relayed\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'nonce-", string.Join(";", relay.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var relayed = new CallbackRequest(callback.Url, new Dictionary<string, string>(callback.Form!) { ["auth_relayed"] = "1" });

        // Posted again from our own page, the same-site POST carries the cookie.
        var (_, _, action) = await GrantAsync(OAuthBrowser.AppRedirect(await owner.CallbackAsync(relayed)));
        Assert.Equal("oauth-signup", action);
    }

    [Fact]
    public async Task Callback_AppleFormPostRelayedWithoutCookie_IsAnotherBrowser()
    {
        using var owner = NewBrowser();
        using var victim = NewBrowser();
        var callback = await owner.AuthorizeAsync(await owner.StartAsync("apple"));
        var relayed = new CallbackRequest(callback.Url, new Dictionary<string, string>(callback.Form!) { ["auth_relayed"] = "1" });

        AssertErrorRedirect(OAuthBrowser.AppRedirect(await victim.CallbackAsync(relayed)), "invalid_oauth_state", 400);

        Assert.Equal(0, Fake.Apple.TokenRequests);
    }

    [Fact]
    public async Task Callback_StateOfAnotherProvider_IsInvalidState()
    {
        using var browser = NewBrowser();
        var callback = await browser.AuthorizeAsync(await browser.StartAsync("github"));

        var response = await browser.App.GetAsync($"/oauth/discord/callback{callback.Url.Query}", Ct);

        AssertErrorRedirect(OAuthBrowser.AppRedirect(response), "invalid_oauth_state", 400);
    }

    [Fact]
    public async Task Callback_FailedCodeExchange_RedirectsWithOAuthFailed()
    {
        Fake.Github.FailNextToken = true;
        using var browser = NewBrowser();

        AssertErrorRedirect(await browser.SignInAsync("github"), "oauth_failed", 502);

        Assert.Equal(0, await UserCountAsync("github", Fake.Github.NextUser.Id));
    }

    [Fact]
    public async Task Callback_ForgedCode_RedirectsWithOAuthFailed()
    {
        using var browser = NewBrowser();
        var callback = await browser.AuthorizeAsync(await browser.StartAsync("google"));
        var forged = new Uri(callback.Url.ToString().Replace(callback.Parameter("code")!, "code-forged", StringComparison.Ordinal));

        var location = OAuthBrowser.AppRedirect(await browser.CallbackAsync(callback with { Url = forged }));

        AssertErrorRedirect(location, "oauth_failed", 502);
    }

    [Fact]
    public async Task Callback_ProviderUnreachable_RedirectsWithOAuthFailed()
    {
        await Fixture.PublishAsync(new { providers = new { github = new { enabled = true, clientId = "x", clientSecret = "y", tokenEndpoint = "http://127.0.0.1:9/token", authorizationEndpoint = Fake.Github.Url("/login/oauth/authorize") } } });
        using var browser = NewBrowser();
        var start = await browser.StartAsync("github");
        var query = OAuthBrowser.Query(start.Headers.Location!);

        var response = await browser.App.GetAsync($"/oauth/github/callback?code=abc&state={query["state"]}", Ct);

        AssertErrorRedirect(OAuthBrowser.AppRedirect(response), "oauth_failed", 502);
    }
}
