using Microsoft.Playwright;

namespace Auth.TestKit;

/// <summary>
/// Debian's Chromium driven by Playwright. Never a downloaded browser: ./test.sh installs the
/// `chromium` package. The flags keep it from reaching for the network this machine does not have.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        // Playwright's Expect gives up after 5 s by default; a loaded machine gets the same ceiling as every other wait.
        Assertions.SetDefaultExpectTimeout((float)Eventually.DefaultTimeout.TotalMilliseconds);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }
}
