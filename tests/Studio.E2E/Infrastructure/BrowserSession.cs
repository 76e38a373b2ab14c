using Microsoft.Playwright;

namespace Studio.E2E.Infrastructure;

/// <summary>Debian's Chromium with one page; screenshots go to STUDIO_E2E_SCREENSHOTS when it is set.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private readonly List<string> _log = [];

    public IPage Page { get; private set; } = null!;

    /// <summary>Browser console lines, failed requests and error statuses, for a failing test's output (a snapshot).</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log) return [.. _log];
        }
    }

    // Playwright raises its events on its own thread while the test reads the log.
    private void Add(string line)
    {
        lock (_log) _log.Add(line);
    }

    public static async Task<BrowserSession> StartAsync(int width = 1280, int height = 900)
    {
        var session = new BrowserSession { _playwright = await Playwright.CreateAsync() };
        session._browser = await Chromium.LaunchAsync(session._playwright);
        var context = await session._browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        session.Page = await context.NewPageAsync();
        session.Page.Console += (_, message) => session.Add($"console {message.Type}: {message.Text}");
        session.Page.RequestFailed += (_, request) => session.Add($"request failed: {request.Url} {request.Failure}");
        session.Page.Response += (_, response) =>
        {
            if (response.Status >= 400) session.Add($"HTTP {response.Status}: {response.Url}");
        };
        session.Page.SetDefaultTimeout((float)Eventually.DefaultTimeout.TotalMilliseconds);
        return session;
    }

    /// <summary>Waits until the Blazor circuit has taken over the prerendered page, so clicks reach it.</summary>
    public Task WaitForCircuitAsync() =>
        Page.Locator("[data-test=circuit][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async Task GotoInteractiveAsync(string url)
    {
        await Page.GotoAsync(url);
        await WaitForCircuitAsync();
    }

    public async Task ScreenshotAsync(string name)
    {
        var directory = Environment.GetEnvironmentVariable("STUDIO_E2E_SCREENSHOTS");
        if (string.IsNullOrEmpty(directory)) return;
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("STUDIO_E2E_SCREENSHOTS") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, "last.png"), FullPage = true });
            await File.WriteAllLinesAsync(Path.Combine(directory, "browser.log"), Log);
        }
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
