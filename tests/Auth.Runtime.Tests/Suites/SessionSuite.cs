using System.Net;
using System.Net.Http.Headers;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

/// <summary>Session tokens: where they travel, sign-out variants, listing, password change, expiry.</summary>
public abstract class SessionSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private const string ChromeOnWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    protected override object? Baseline => new { email = new { confirmEmail = false } };

    [Fact]
    public async Task GetUser_TokenInHeaderBearerOrCookie_ReturnsTheUser()
    {
        var (email, token, _) = await SignUpWithSessionAsync();

        foreach (var attach in new Action<HttpRequestMessage>[]
        {
            r => r.Headers.Add("Session", token),
            r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token),
            r => r.Headers.Add("Cookie", $"session_token={token}"),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/user");
            attach(request);
            var response = await ApiResponse.ReadAsync(await Client.SendAsync(request, TestContext.Current.CancellationToken));
            response.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(email, response.Body!["email"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task GetUser_NoToken_ReturnsMissingSessionToken() =>
        (await GetAsync("/auth/user")).AssertError(HttpStatusCode.Unauthorized, "missing_session_token");

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task GetUser_BadToken_ReturnsInvalidSessionToken(string token) =>
        (await GetAsync("/auth/user", token)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");

    [Fact]
    public async Task SignOut_MakesTheTokenUselessAtOnce()
    {
        var (_, token, _) = await SignUpWithSessionAsync();
        (await PostAsync("/auth/signout", null, token)).AssertStatus(HttpStatusCode.OK);
        (await GetAsync("/auth/user", token)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    [Fact]
    public async Task SignOutAll_EndsEverySession_AndSignOutAllExcept_KeepsTheCurrentOne()
    {
        var (email, first, _) = await SignUpWithSessionAsync();
        var second = await SignInAsync(email);
        var third = await SignInAsync(email);

        (await PostAsync("/auth/signout-all-except", null, third)).AssertStatus(HttpStatusCode.OK);
        (await GetAsync("/auth/user", first)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
        (await GetAsync("/auth/user", second)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
        (await GetAsync("/auth/user", third)).AssertStatus(HttpStatusCode.OK);

        (await PostAsync("/auth/signout-all", null, third)).AssertStatus(HttpStatusCode.OK);
        (await GetAsync("/auth/user", third)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    [Fact]
    public async Task GetSessions_ListsParsedUserAgentsAndNeverTokens()
    {
        var (email, first, _) = await SignUpWithSessionAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/signin-email")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email, password = Password }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", ChromeOnWindows);
        var chrome = await ApiResponse.ReadAsync(await Client.SendAsync(request, TestContext.Current.CancellationToken));
        var chromeToken = chrome.Body!["session"]!["token"]!.GetValue<string>();
        Assert.Equal("Chrome", chrome.Body!["session"]!["userAgent"]!["browser"]!["name"]!.GetValue<string>());

        var list = await GetAsync("/auth/sessions", first);

        list.AssertStatus(HttpStatusCode.OK);
        var sessions = list.Json!.AsArray();
        Assert.Equal(2, sessions.Count);
        Assert.DoesNotContain(first, list.Raw);
        Assert.DoesNotContain(chromeToken, list.Raw);
        Assert.Single(sessions, s => s!["current"]!.GetValue<bool>());
        var listedChrome = Assert.Single(sessions, s => s!["userAgent"]!["ua"]!.GetValue<string>() == ChromeOnWindows)!;
        Assert.Equal("Windows", listedChrome["userAgent"]!["os"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ReturnsInvalidCredentials()
    {
        var (_, token, _) = await SignUpWithSessionAsync();
        var response = await PostAsync("/auth/change-pwd", new { currentPassword = "not it at all", newPassword = "a new password 2" }, token);
        response.AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task ChangePassword_Success_EndsOtherSessionsAndSwapsThePassword()
    {
        var (email, token, _) = await SignUpWithSessionAsync();
        var other = await SignInAsync(email);

        (await PostAsync("/auth/change-pwd", new { currentPassword = Password, newPassword = "a new password 2" }, token)).AssertStatus(HttpStatusCode.OK);

        (await GetAsync("/auth/user", token)).AssertStatus(HttpStatusCode.OK);
        (await GetAsync("/auth/user", other)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await PostAsync("/auth/signin-email", new { email, password = "a new password 2" })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_NewPasswordTooShort_NamesNewPassword()
    {
        var (_, token, _) = await SignUpWithSessionAsync();
        var response = await PostAsync("/auth/change-pwd", new { currentPassword = Password, newPassword = "short" }, token);
        Assert.Contains("newPassword", response.ValidationFields());
    }

    [Fact]
    public async Task Session_AfterItsLifetime_IsRejected()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, sessions = new { lifetimeDays = 1 } });
        var (_, token, _) = await SignUpWithSessionAsync();
        (await GetAsync("/auth/user", token)).AssertStatus(HttpStatusCode.OK);

        Fixture.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2));

        (await GetAsync("/auth/user", token)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    [Fact]
    public async Task Session_OperatorTokenUsedAsSessionToken_IsRejected()
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var operatorToken = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        (await GetAsync("/auth/user", operatorToken)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    private async Task<string> SignInAsync(string email)
    {
        var response = await PostAsync("/auth/signin-email", new { email, password = Password });
        response.AssertStatus(HttpStatusCode.OK);
        return response.Body!["session"]!["token"]!.GetValue<string>();
    }
}
