using System.Net.Http.Json;
using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Studio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Studio.E2E;

/// <summary>
/// Every studio page, opened by an Owner over a database with a few users and messages, on a phone (390 px) and a
/// laptop (1280 px): each must come up live, without the error bar, a failed request or a page wider than the window.
/// With STUDIO_DOCS_SCREENSHOTS set (e.g. to docs/screenshots) the run also writes the pictures docs/studio.md shows.
/// </summary>
public sealed class StudioTourTests : IAsyncLifetime
{
    private const string Email = "tour@example.test";
    private const string Password = "a long operator password";

    // Allowed by the shipped settings, so sign-ups go through with e-mail confirmation on, as on a first run.
    private const string DefaultRedirectUrl = "http://localhost:3000/auth-redirect";

    private StudioApp _app = null!;
    private Dictionary<string, string> _examples = null!;

    public async ValueTask InitializeAsync()
    {
        _app = StudioApp.Start();
        await OperatorSignIn.CreateOperatorAsync(_app, Email, Password);

        // Users through the real runtime, so lists, timelines and the outbox hold what a live system would show.
        using var http = _app.CreateRawClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        foreach (var name in new[] { "ada", "grace", "alan" })
        {
            using var signUp = await http.PostAsJsonAsync("/auth/signup-email", new { email = $"{name}@example.test", password = "a good password", redirectURL = DefaultRedirectUrl }, TestContext.Current.CancellationToken);
            Assert.True(signUp.IsSuccessStatusCode, await signUp.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        await http.PostAsJsonAsync("/auth/signin-email", new { email = "ada@example.test", password = "not her password" }, TestContext.Current.CancellationToken);

        var dbFactory = _app.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var userId = await db.Users.Where(u => u.Email == "ada@example.test").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var messageId = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(TestContext.Current.CancellationToken);
        _examples = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/users/{Id}"] = "/users/" + userId,
            ["/messages/{Id}"] = "/messages/" + messageId,
            ["/settings/templates/{Type}"] = "/settings/templates/confirm_email",
        };
    }

    public static TheoryData<int, int> Screens => new() { { 390, 844 }, { 1280, 900 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task EveryPage_OpenedByAnOwner_ComesUpLiveAndFitsTheWindow(int width, int height)
    {
        await using var browser = await BrowserSession.StartAsync(width, height);
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/");
        var failures = new List<string>();

        foreach (var (template, interactive) in StudioPages.Templates())
        {
            var before = browser.Log.Count;
            var url = _app.BaseUrl + StudioPages.Url(template, _examples);
            if (interactive) await browser.GotoInteractiveAsync(url);
            else await browser.Page.GotoAsync(url);
            await Expect(browser.Page.Locator("h1").First).ToBeVisibleAsync();
            await Expect(browser.Page.Locator("[data-test=blazor-error-ui]")).Not.ToBeVisibleAsync();

            var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0) failures.Add($"{template}: {overflow}px wider than the window");
            failures.AddRange(browser.Log.Skip(before).Where(IsFailure).Select(line => $"{template}: {line}"));

            await SaveForDocsAsync(browser.Page, template, width);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool IsFailure(string line) =>
        line.StartsWith("HTTP 5", StringComparison.Ordinal) || line.StartsWith("console error", StringComparison.Ordinal);

    private static async Task SaveForDocsAsync(IPage page, string template, int width)
    {
        if (Environment.GetEnvironmentVariable("STUDIO_DOCS_SCREENSHOTS") is not { Length: > 0 } directory) return;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"studio-{StudioPages.Slug(template)}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
