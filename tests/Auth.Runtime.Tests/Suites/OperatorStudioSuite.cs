using System.Net;
using System.Text.RegularExpressions;
using Auth.Core.Operators;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// The studio's cookie follows the operator on every request: a Support operator gets the "not allowed" page for
/// Owner pages, a role change is picked up by the next request, and a password change ends the other browsers.
/// </summary>
public abstract partial class OperatorStudioSuite(AppFixture fixture) : OperatorSuiteBase(fixture)
{
    private const string NotAllowed = "Not allowed for your role";

    [Fact]
    public async Task SupportOperator_OpeningSettings_GetsTheNotAllowedPage_ButUsersOpen()
    {
        var (op, _) = await NewOperatorAsync(OperatorRole.Support);
        using var browser = await SignedInBrowserAsync(op.Email, OperatorPassword);

        using var settings = await browser.GetAsync("/settings/authentication", Ct);
        var html = await settings.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal("/not-allowed", settings.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(NotAllowed, html, StringComparison.Ordinal);
        Assert.DoesNotContain(NotAllowed, await browser.GetStringAsync("/users", Ct), StringComparison.Ordinal);
        using var export = await browser.GetAsync("/settings/versions/export", Ct);
        Assert.Equal("/not-allowed", export.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task RoleChange_IsPickedUpByTheCookieOnTheNextRequest()
    {
        var (op, _) = await NewOperatorAsync(OperatorRole.Owner);
        using var browser = await SignedInBrowserAsync(op.Email, OperatorPassword);
        Assert.DoesNotContain(NotAllowed, await browser.GetStringAsync("/settings/authentication", Ct), StringComparison.Ordinal);

        var changed = await Fixture.Factory.Services.GetRequiredService<OperatorAdministration>().ChangeRoleAsync(op.Id, OperatorRole.Support, Ct);
        Assert.True(changed.IsSuccess);

        Assert.Contains(NotAllowed, await browser.GetStringAsync("/settings/authentication", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordChange_KeepsThisBrowser_AndEndsTheOtherOnes()
    {
        var (op, _) = await NewOperatorAsync(OperatorRole.Support);
        using var browser = await SignedInBrowserAsync(op.Email, OperatorPassword);
        using var other = await SignedInBrowserAsync(op.Email, OperatorPassword);

        var form = Antiforgery(await browser.GetStringAsync("/account/password", Ct));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password",
            ["__RequestVerificationToken"] = form,
            ["Input.Current"] = OperatorPassword,
            ["Input.New"] = "a brand new password",
            ["Input.Confirm"] = "a brand new password",
        });
        using var posted = await browser.PostAsync("/account/password", content, Ct);
        Assert.Contains("data-test=\"password-changed\"", await posted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var mine = await browser.GetAsync("/users", Ct);
        Assert.Equal("/users", mine.RequestMessage!.RequestUri!.AbsolutePath);
        using var theirs = await other.GetAsync("/users", Ct);
        Assert.Equal("/signin", theirs.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string email, string password)
    {
        var browser = Fixture.CreateClient();
        var token = Antiforgery(await browser.GetStringAsync("/signin", Ct));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await browser.PostAsync("/signin", content, Ct);
        Assert.NotEqual("/signin", response.RequestMessage!.RequestUri!.AbsolutePath);
        return browser;
    }

    private static string Antiforgery(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
