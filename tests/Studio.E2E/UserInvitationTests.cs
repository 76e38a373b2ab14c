using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Auth.Core.Settings;
using Auth.TestKit.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Studio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Studio.E2E;

/// <summary>
/// Issue 10's flow in Debian's Chromium: an operator creates a user with "send invitation", the loopback SMTP server
/// receives the magic link, the browser opens it and lands signed in on an app page (served on loopback, using
/// /auth/client.js), and the sign-in shows in Activity and on the Overview's sign-in chart.
/// </summary>
public sealed partial class UserInvitationTests : IAsyncLifetime
{
    private const string OperatorEmail = "owner@example.test";
    private const string OperatorPassword = "the owner password";
    private StudioApp _app = null!;
    private SmtpTestServer _smtp = null!;
    private WebApplication _site = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = StudioApp.Start();
        _smtp = await SmtpTestServer.StartAsync();
        _site = await StartAppSiteAsync(_app.BaseUrl);
    }

    [Fact]
    public async Task Operator_CreatesUserWithInvitation_UserFollowsTheMailedLinkIsSignedInAndShowsInActivityAndOnTheChart()
    {
        var siteUrl = _site.Urls.Single().TrimEnd('/') + "/welcome";
        await PublishAsync(siteUrl);
        await OperatorSignIn.CreateOperatorAsync(_app, OperatorEmail, OperatorPassword);
        await using var browser = await BrowserSession.StartAsync();
        await OperatorSignIn.SignInAsync(browser, _app, OperatorEmail, OperatorPassword, "/users/new");

        const string invitee = "invitee@example.test";
        await browser.Page.Locator("input[data-test=email], [data-test=email] input").First.FillAsync(invitee);
        await browser.Page.Locator("input[data-test=name], [data-test=name] input").First.FillAsync("Ivy Invitee");
        await browser.Page.Locator("[data-test=invite]").First.ClickAsync();
        await Expect(browser.Page.Locator("[data-test=create]")).ToContainTextAsync("send invitation");
        await browser.ScreenshotAsync("user-create-invite");
        await browser.Page.Locator("[data-test=create]").ClickAsync();
        await Expect(browser.Page).ToHaveURLAsync(new Regex("/users/[0-9a-z]{24}$"));
        await Expect(browser.Page.Locator("[data-test=user-card]")).ToContainTextAsync(invitee);

        var mail = await _smtp.WaitForAsync(invitee);
        var link = VerifyLink().Match(mail.Message.TextBody ?? "").Value.Replace("http://auth.test", _app.BaseUrl, StringComparison.Ordinal);
        Assert.Contains("/auth/verify", link, StringComparison.Ordinal);
        await browser.Page.GotoAsync(link);
        // With link-scanner protection the link first asks for a press; without it the browser is already on its way.
        if (await browser.Page.Locator("button[type=submit]").CountAsync() > 0 && browser.Page.Url.Contains("/auth/verify", StringComparison.Ordinal))
            await browser.Page.Locator("button[type=submit]").ClickAsync();

        await Expect(browser.Page.Locator("#status")).ToHaveTextAsync("Signed in as " + invitee);
        await browser.ScreenshotAsync("user-invitation-signed-in");

        await browser.GotoInteractiveAsync(_app.BaseUrl + "/activity");
        var types = browser.Page.Locator("[data-test=events] [data-test=event-type]");
        await Expect(types.Filter(new() { HasText = "user.signin" })).ToHaveCountAsync(1);
        await Expect(types.Filter(new() { HasText = "user.invited" })).ToHaveCountAsync(1);
        await Expect(types.Filter(new() { HasText = "user.created" })).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("user-invitation-activity");

        // And on the Overview's chart: today's sign-ins are counted live, so the invitee's is there at once.
        await browser.GotoInteractiveAsync(_app.BaseUrl + "/");
        var signIns = browser.Page.Locator("[data-test=chart-signins]");
        await Expect(signIns).ToContainTextAsync("total 1");
        await Expect(signIns.Locator("[data-test=chart-empty]")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("user-invitation-overview");
    }

    /// <summary>SMTP to the loopback server, and the app page as the only redirect URL; waits until this node serves it.</summary>
    private async Task PublishAsync(string siteUrl)
    {
        var store = _app.Services.GetRequiredService<SettingsStore>();
        var patch = new JsonObject
        {
            ["redirectURLs"] = new JsonArray(siteUrl),
            ["smtp"] = new JsonObject { ["host"] = "127.0.0.1", ["port"] = _smtp.Port, ["security"] = "None", ["fromEmail"] = "no-reply@auth.test", ["fromName"] = "Auth Test" },
        };
        var draft = await store.PatchDraftAsync(patch, "e2e", Ct);
        Assert.True(draft.IsSuccess, draft.Error?.Message);
        var published = await store.PublishAsync("e2e", "e2e", Ct);
        Assert.True(published.IsSuccess, published.Error?.Message);
        var reader = _app.Services.GetRequiredService<ISettingsReader>();
        await Eventually.Until(() => reader.Current.Settings.RedirectURLs.SequenceEqual([siteUrl]), "the node to serve the published settings");
    }

    /// <summary>The "app" the link returns to: a page that trades the access token for a session with the browser client.</summary>
    private static async Task<WebApplication> StartAppSiteAsync(string authBase)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var site = builder.Build();
        site.MapGet("/welcome", () => Results.Content($$"""
            <!doctype html><html><body><p id="status">signing in…</p>
            <script type="module">
            import { createClient } from "{{authBase}}/auth/client.js";
            const { auth } = createClient("{{authBase}}");
            const status = document.getElementById("status");
            try {
              const result = await auth.getAuthGrant();
              status.textContent = result.user ? "Signed in as " + result.user.email : "Refused: " + JSON.stringify(result.errors);
            } catch (e) { status.textContent = "Failed: " + e; }
            </script></body></html>
            """, "text/html"));
        await site.StartAsync(Ct);
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex(@"https?://\S+/auth/verify\?\S+")]
    private static partial Regex VerifyLink();
}
