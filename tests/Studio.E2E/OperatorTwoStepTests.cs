using System.Text.RegularExpressions;
using OtpNet;
using Studio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Studio.E2E;

/// <summary>An operator enrols an authenticator in a real browser, signs out, and signs in with password and code (ADR 0021).</summary>
public sealed class OperatorTwoStepTests : IAsyncLifetime
{
    private const string Email = "two-step@example.test";
    private const string Password = "the two-step password";
    private const string CodeInput = "input[data-test=totp-code], [data-test=totp-code] input";
    private StudioApp _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = StudioApp.Start();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Operator_InChromium_EnrolsTotp_SignsOut_AndSignsInWithPasswordAndCode()
    {
        await OperatorSignIn.CreateOperatorAsync(_app, Email, Password);
        await using var browser = await BrowserSession.StartAsync();
        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/account/two-step");
        var page = browser.Page;

        await page.ClickAsync("[data-test=totp-start]");
        var secret = Base32Encoding.ToBytes((await page.Locator("[data-test=totp-secret]").TextContentAsync())!.Trim());
        await Expect(page.Locator("[data-test=totp-qr] svg")).ToHaveCountAsync(1);
        var totp = new Totp(secret);
        await page.Locator(CodeInput).FillAsync(totp.ComputeTotp(DateTime.UtcNow));
        await page.ClickAsync("[data-test=totp-confirm]");
        await Expect(page.Locator("[data-test=recovery-codes] li")).ToHaveCountAsync(10);
        await browser.ScreenshotAsync("two-step-recovery-codes");
        await page.ClickAsync("[data-test=codes-saved]");
        await Expect(page.Locator("[data-test=totp-on]")).ToBeVisibleAsync();

        await page.ClickAsync("button[aria-label='Sign out']");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        // The password alone signs nothing in: the second step asks for the code.
        await Expect(page.Locator("#code")).ToBeVisibleAsync();
        // The enrolment spent this step's code; the app's next one is accepted (one step of drift).
        await page.FillAsync("#code", totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.ClickAsync("[data-test=signin-second-submit]");

        await browser.WaitForCircuitAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/signin"));
        await Expect(page.Locator("a[href='/account/two-step']")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("two-step-signed-in");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
