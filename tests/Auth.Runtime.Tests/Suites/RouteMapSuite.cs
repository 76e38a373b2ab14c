using System.Net;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// The guards <c>RuntimeRoutes</c> puts on routes reach the middlewares that enforce them: CORS preflights are
/// routed to the endpoint they ask about (also inside the session group), and the per-IP window counts what the
/// map marks (POSTs under /auth, every /oauth request), not reads.
/// </summary>
public abstract class RouteMapSuite(AppFixture fixture) : SuiteBase(fixture)
{
    // The origin of the redirect URL the default settings allow.
    private static readonly string AppOrigin = new Uri(RedirectUrl).GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Preflight_ToASessionRouteFromAnAllowedOrigin_IsAnsweredBeforeTheSessionCheck()
    {
        using var response = await PreflightAsync("/auth/user", "GET");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AppOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Session", Header(response, "Access-Control-Allow-Headers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_ToTheManagementApi_GrantsNothing()
    {
        using var response = await PreflightAsync("/admin/api/settings/draft", "GET");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task PerIpLimit_CountsPostsUnderAuthAndEveryOAuthRequest_NotReads()
    {
        await Fixture.PublishAsync(new { security = new { ipRequestsPerMinute = 2 } });
        Fixture.Time.Advance(TimeSpan.FromSeconds(61));

        for (var i = 0; i < 5; i++)
            (await GetAsync("/auth/client.js")).AssertStatus(HttpStatusCode.OK);
        for (var i = 0; i < 2; i++)
            (await PostAsync("/auth/signin-email", new { email = NewEmail(), password = Password })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");

        (await PostAsync("/auth/signin-email", new { email = NewEmail(), password = Password })).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        (await GetAsync("/oauth/github?redirect=" + Uri.EscapeDataString(RedirectUrl))).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        (await GetAsync("/auth/client.js")).AssertStatus(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", AppOrigin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "session");
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
