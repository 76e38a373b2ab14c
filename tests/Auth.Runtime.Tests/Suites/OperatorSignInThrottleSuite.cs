using System.Net;
using System.Text.RegularExpressions;
using Auth.Core.Operators;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// Operator sign-in (the studio form, the management API's token and setup) has its own per-address limit,
/// independent of the app's <c>security.ipRequestsPerMinute</c>, and never tells a locked operator from a wrong password.
/// Each test starts a fresh one-minute window by moving the fixture's clock.
/// </summary>
public abstract partial class OperatorSignInThrottleSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private const int Limit = Auth.Runtime.Http.IpRateLimiter.OperatorAttemptsPerMinute;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Fixture.Time.Advance(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task StudioSignInForm_MorePostsThanTheLimitFromOneAddress_Answers429WithTheWait()
    {
        var form = await SignInFormAsync();
        for (var i = 0; i < Limit; i++)
        {
            var (status, error) = await PostSignInAsync(form, "nobody@example.test", "a wrong password");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("not right", error);
        }

        var (limited, message) = await PostSignInAsync(form, "nobody@example.test", "a wrong password");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.Matches(@"Too many sign-in attempts from this address\. Try again in \d+ s\.", message);

        Fixture.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await PostSignInAsync(form, "nobody@example.test", "a wrong password")).Status);
    }

    [Fact]
    public async Task OperatorToken_MoreRequestsThanTheLimitFromOneAddress_Answers429()
    {
        // The app's own per-address limit is 100 000 here (AppFixture): the operator limit must not depend on it.
        for (var i = 0; i < Limit; i++)
            (await PostAsync("/admin/api/token", new { email = "nobody@example.test", password = "a wrong password" }))
                .AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");

        var limited = await PostAsync("/admin/api/token", new { email = "nobody@example.test", password = "a wrong password" });
        limited.AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.NotNull(limited.Message.Headers.RetryAfter);
        (await PostAsync("/admin/api/setup", new { code = "AAAAA-BBBBB", email = "x@example.test", password = "a long enough password" }))
            .AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
    }

    [Fact]
    public async Task StudioSignInForm_LockedOperator_GetsTheSameMessageAsAWrongPassword()
    {
        var operators = Fixture.Factory.Services.GetRequiredService<OperatorService>();
        var email = NewEmail("op");
        const string password = "operator password 12";
        Assert.True((await operators.CreateAsync(email, password, TestContext.Current.CancellationToken)).IsSuccess);
        var form = await SignInFormAsync();
        var (_, wrong) = await PostSignInAsync(form, email, "a wrong password");
        for (var i = 0; i < 4; i++) await operators.VerifyCredentialsAsync(email, "a wrong password", TestContext.Current.CancellationToken);

        var (status, locked) = await PostSignInAsync(form, email, password);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(wrong, locked);
        (await PostAsync("/admin/api/token", new { email, password })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    private async Task<string> SignInFormAsync()
    {
        var html = await Client.GetStringAsync("/signin", TestContext.Current.CancellationToken);
        return AntiforgeryField().Match(html).Groups[1].Value;
    }

    private async Task<(HttpStatusCode Status, string? Error)> PostSignInAsync(string antiforgery, string email, string password)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = antiforgery,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await Client.PostAsync("/signin", content, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var error = SignInError().Match(html);
        return (response.StatusCode, error.Success ? WebUtility.HtmlDecode(error.Groups[1].Value) : null);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-test=\"signin-error\"[^>]*>([^<]*)<")]
    private static partial Regex SignInError();
}
