using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Studio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Studio.E2E;

/// <summary>
/// An operator's first hour, in a real browser against the real host: set up with the printed code,
/// change the settings, publish, and see the runtime follow.
/// </summary>
public sealed class FirstRunTests : IAsyncLifetime
{
    private const string OperatorEmail = "first@example.test";
    private const string OperatorPassword = "a long operator password";
    private const string RedirectUrl = "https://app.example.test/welcome";

    private StudioApp _app = null!;
    private BrowserSession _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _app = StudioApp.Start();
        _browser = await BrowserSession.StartAsync();
    }

    [Fact]
    public async Task Setup_SignIn_Configure_Publish_RuntimeSignsUsersIn()
    {
        var page = _browser.Page;
        var code = await _app.IssueSetupCodeAsync();
        Assert.NotNull(code);

        // Before any operator exists, the studio sends everyone to the first-run page.
        await page.GotoAsync(_app.BaseUrl + "/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        await _browser.ScreenshotAsync("01-setup");
        await page.FillAsync("#code", code!);
        await page.FillAsync("#email", OperatorEmail);
        await page.FillAsync("#password", OperatorPassword);
        await page.FillAsync("#confirm", OperatorPassword);
        await page.ClickAsync("button[type=submit]");
        await _browser.WaitForCircuitAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        await _browser.ScreenshotAsync("02-overview");

        // Sign out and back in through the sign-in page.
        await page.ClickAsync("button[aria-label='Sign out']");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.FillAsync("#email", OperatorEmail);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-test=signin-error]")).ToBeVisibleAsync();
        await _browser.ScreenshotAsync("03-signin-error");
        await page.FillAsync("#email", OperatorEmail);
        await page.FillAsync("#password", OperatorPassword);
        await page.ClickAsync("button[type=submit]");
        await _browser.WaitForCircuitAsync();

        // Authentication: turn "confirm e-mail" off and save to the draft.
        await page.ClickAsync("a[href='/settings/authentication']");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Authentication");
        await page.Locator("[data-field='email.confirmEmail']").ClickAsync();
        await Expect(page.Locator("[data-test=change-count]")).ToHaveTextAsync("1 unsaved change.");
        await _browser.ScreenshotAsync("04-authentication");
        await page.ClickAsync("[data-test=save]");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved to the draft: E-mail › Confirm e-mail");
        await Expect(page.Locator("[data-test=draft-banner]")).ToBeVisibleAsync();

        // Redirect URLs: add one, check it with the tester, save.
        await page.ClickAsync("a[href='/settings/redirect-urls']");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Redirect URLs");
        await page.Locator("[data-test=new-url]").FillAsync(RedirectUrl);
        await page.ClickAsync("[data-test=add-url]");
        await Expect(page.Locator("[data-test=redirect-row]")).ToHaveCountAsync(2);
        await page.Locator("[data-test=tester-input]").FillAsync(RedirectUrl + "?next=%2Fhome");
        await Expect(page.Locator("[data-test=verdict-draft]")).ToContainTextAsync("Allowed by");
        await Expect(page.Locator("[data-test=verdict-published]")).ToContainTextAsync("Refused");
        await _browser.ScreenshotAsync("05-redirect-urls");
        await page.ClickAsync("[data-test=save]");
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Redirect URLs");

        // Before publishing, the runtime still asks for e-mail confirmation.
        using var http = _app.CreateRawClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36");
        var early = await PostAsync(http, "/auth/signup-email", new { email = "early@example.test", password = "a good password", redirectURL = RedirectUrl });
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);

        // Versions: publish with a note.
        await page.ClickAsync("a[href='/settings/versions']");
        await Expect(page.Locator("[data-test=draft-card]")).ToContainTextAsync("2 changes waiting to be published");
        await page.Locator("[data-test=publish-note]").FillAsync("Open sign-up for the beta");
        await _browser.ScreenshotAsync("06-versions-before");
        await page.ClickAsync("[data-test=publish]");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Open sign-up for the beta");
        await page.Locator(".mud-dialog button", new() { HasText = "Publish" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Published revision 1");
        await Expect(page.Locator("[data-test=revisions]")).ToContainTextAsync("Open sign-up for the beta");
        await Expect(page.Locator("[data-test=draft-banner]")).ToHaveCountAsync(0);
        await _browser.ScreenshotAsync("07-versions-after");

        // The runtime now signs up without confirmation and accepts the new redirect URL.
        var signUp = await PostAsync(http, "/auth/signup-email", new { email = "ada@example.test", password = "a good password", redirectURL = RedirectUrl });
        Assert.Equal(HttpStatusCode.OK, signUp.Status);
        Assert.False(string.IsNullOrEmpty(signUp.Body?["session"]?["token"]?.GetValue<string>()));
        var signIn = await PostAsync(http, "/auth/signin-email", new { email = "ada@example.test", password = "a good password" });
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.False(string.IsNullOrEmpty(signIn.Body?["session"]?["token"]?.GetValue<string>()));
        var elsewhere = await PostAsync(http, "/auth/signup-email", new { email = "eve@example.test", password = "a good password", redirectURL = "https://evil.example.test/" });
        Assert.Equal("invalid_redirect_url", elsewhere.Body?["errors"]?[0]?["code"]?.GetValue<string>());

        // The new user shows up in the studio with the session just opened.
        await page.ClickAsync("a[href='/users']");
        await page.Locator("[data-test=user-link]", new() { HasText = "ada@example.test" }).ClickAsync();
        await Expect(page.Locator("[data-test=sessions] [data-test=browser]").First).ToHaveTextAsync("Chrome 126.0.0.0");
        await Expect(page.Locator("[data-test=sessions] [data-test=os]").First).ToHaveTextAsync("Mac OS 10.15.7");
        await _browser.ScreenshotAsync("08-user");

        // The export downloads with the studio cookie and carries no secret.
        var export = await page.Context.APIRequest.GetAsync(_app.BaseUrl + "/settings/versions/export");
        Assert.Equal(200, export.Status);
        Assert.Contains("attachment", export.Headers["content-disposition"], StringComparison.Ordinal);
        var json = JsonNode.Parse(await export.TextAsync())!;
        Assert.Equal(RedirectUrl, json["redirectURLs"]![1]!.GetValue<string>());
        Assert.Null(json["smtp"]!["password"]);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }
}
