using System.Net;
using Auth.Core.Tokens;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.OAuth;

// Failures decided before the provider is involved, or by settings changed mid-flow.
public abstract partial class OAuthFailureSuite
{

    [Fact]
    public async Task Start_UnknownProvider_RedirectsWithUnsupportedProvider()
    {
        using var browser = NewBrowser();

        var response = await browser.StartAsync("gitlab");

        AssertErrorRedirect(OAuthBrowser.AppRedirect(response), "unsupported_oauth_provider", 400);
    }

    [Fact]
    public async Task Start_UnknownProviderAndNoAllowedRedirect_ReturnsTheErrorEnvelope()
    {
        using var browser = NewBrowser();

        var response = await ApiResponse.ReadAsync(await browser.StartAsync("gitlab", "https://evil.example/cb"));

        response.AssertError(HttpStatusCode.BadRequest, "unsupported_oauth_provider");
    }

    [Fact]
    public async Task Callback_UnknownProvider_ShowsErrorPage()
    {
        using var browser = NewBrowser();

        await AssertErrorPage(await browser.App.GetAsync("/oauth/gitlab/callback?code=a&state=b", Ct), "unsupported_oauth_provider");
    }

    [Fact]
    public async Task Start_DisabledProvider_RedirectsWithNotConfiguredAndLeavesNothingBehind()
    {
        await Fixture.PublishAsync(new { providers = new { github = new { enabled = false } } });
        using var browser = NewBrowser();
        var before = await StateCountAsync();

        var response = await browser.StartAsync("github");

        AssertErrorRedirect(OAuthBrowser.AppRedirect(response), "oauth_provider_not_configured", 400);
        Assert.Equal(before, await StateCountAsync());
        Assert.Empty(Fake.Github.AuthorizeRequests);
    }

    [Fact]
    public async Task Callback_ProviderDisabledAfterStart_TakesEffectWithoutRestart()
    {
        using var browser = NewBrowser();
        var callback = await browser.AuthorizeAsync(await browser.StartAsync("github"));

        await Fixture.PublishAsync(new { providers = new { github = new { enabled = false } } });
        var location = OAuthBrowser.AppRedirect(await browser.CallbackAsync(callback));

        AssertErrorRedirect(location, "oauth_provider_not_configured", 400);
        Assert.Equal(0, Fake.Github.TokenRequests);
    }

    [Fact]
    public async Task Credentials_PublishedAnew_TakeEffectWithoutRestart()
    {
        var patch = Fake.SettingsPatch();
        patch["github"] = new
        {
            enabled = true, clientId = Fake.Github.ClientId, clientSecret = "stale-secret",
            authorizationEndpoint = Fake.Github.Url("/login/oauth/authorize"), tokenEndpoint = Fake.Github.Url("/login/oauth/access_token"),
            userInfoEndpoint = Fake.Github.Url("/api/user"),
        };
        await Fixture.PublishAsync(new { providers = patch });
        using var browser = NewBrowser();
        AssertErrorRedirect(await browser.SignInAsync("github"), "oauth_failed", 502);

        await Fixture.PublishAsync(Baseline);

        var (_, _, action) = await GrantAsync(await browser.SignInAsync("github"));
        Assert.Equal("oauth-signup", action);
    }

    [Fact]
    public async Task Start_DisallowedRedirect_Returns400BeforeAnythingLeaves()
    {
        using var browser = NewBrowser();
        var before = await StateCountAsync();

        var response = await browser.StartAsync("github", "https://evil.example/steal");

        (await ApiResponse.ReadAsync(response)).AssertError(HttpStatusCode.BadRequest, "invalid_redirect_url");
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(before, await StateCountAsync());
    }

    [Fact]
    public async Task Start_MissingRedirect_IsRedirectUrlMissing()
    {
        using var browser = NewBrowser();

        (await ApiResponse.ReadAsync(await browser.StartAsync("github", null))).AssertError(HttpStatusCode.BadRequest, "redirect_url_missing");
    }

    [Fact]
    public async Task Callback_RedirectRemovedFromAllowListAfterStart_ShowsErrorPageWithoutToken()
    {
        using var browser = NewBrowser();
        var callback = await browser.AuthorizeAsync(await browser.StartAsync("github"));

        await Fixture.PublishAsync(new { redirectURLs = new[] { "https://other.example/cb" }, providers = Fake.SettingsPatch() });
        var response = await browser.CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Callback_DisabledUser_RedirectsWithNotAllowed()
    {
        using var browser = NewBrowser();
        var (user, _, _) = await GrantAsync(await browser.SignInAsync("github"));
        await using (var db = Db())
        {
            await db.Users.Where(u => u.Id == user["_id"]!.GetValue<string>()).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, true), Ct);
        }

        AssertErrorRedirect(await browser.SignInAsync("github"), "not_allowed", 403);
    }

    [Fact]
    public async Task Callback_Responses_AreNotCachedAndSendNoReferrer()
    {
        using var browser = NewBrowser();
        var callback = await browser.AuthorizeAsync(await browser.StartAsync("github"));

        var response = await browser.CallbackAsync(callback);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    private async Task<int> StateCountAsync()
    {
        await using var db = Db();
        return await db.OneTimeTokens.CountAsync(t => t.Purpose == TokenPurposes.OAuthState, Ct);
    }
}
