using Auth.Core.Operators;
using Microsoft.Extensions.DependencyInjection;

namespace Studio.E2E.Infrastructure;

/// <summary>An operator made through the real service, and the sign-in form filled in a browser.</summary>
public static class OperatorSignIn
{
    public static async Task CreateOperatorAsync(StudioApp app, string email, string password)
    {
        var created = await app.Services.GetRequiredService<OperatorService>().CreateAsync(email, password, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccess, created.Error?.Message);
    }

    /// <summary>Opens <paramref name="returnTo"/>, signs in on the page it redirects to, and waits for the live circuit there.</summary>
    public static async Task SignInAsync(BrowserSession browser, StudioApp app, string email, string password, string returnTo)
    {
        await browser.Page.GotoAsync(app.BaseUrl + returnTo);
        await browser.Page.FillAsync("#email", email);
        await browser.Page.FillAsync("#password", password);
        await browser.Page.ClickAsync("button[type=submit]");
        await browser.WaitForCircuitAsync();
        Assert.EndsWith(returnTo, browser.Page.Url, StringComparison.Ordinal);
    }
}
