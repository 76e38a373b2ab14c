using System.Text.RegularExpressions;
using Auth.Core.Operators;
using Microsoft.Extensions.DependencyInjection;
using Studio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Studio.E2E;

/// <summary>A Support operator in a real browser: no settings in the navigation, and a clear refusal on a settings URL.</summary>
public sealed class SupportRoleTests : IAsyncLifetime
{
    private const string Email = "support@example.test";
    private const string Password = "the support password";
    private StudioApp _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = StudioApp.Start();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SupportOperator_InChromium_OpeningSettings_GetsTheNotAllowedPage()
    {
        var created = await _app.Services.GetRequiredService<OperatorService>()
            .CreateAsync(Email, Password, OperatorRole.Support, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccess, created.Error?.Message);
        await using var browser = await BrowserSession.StartAsync();

        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, "/users");
        await Expect(browser.Page.Locator("a[href='/users']")).ToHaveCountAsync(1);
        await Expect(browser.Page.Locator("a[href='/settings/authentication']")).ToHaveCountAsync(0);

        await browser.Page.GotoAsync(_app.BaseUrl + "/settings/authentication");

        await Expect(browser.Page).ToHaveURLAsync(new Regex("/not-allowed"));
        await Expect(browser.Page.Locator("[data-test=not-allowed]")).ToContainTextAsync("Not allowed for your role");
        // A page of the studio, live, not a crash or the sign-in form.
        await browser.WaitForCircuitAsync();
        await Expect(browser.Page.Locator("#password")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("support-not-allowed");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
