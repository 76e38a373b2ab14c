using System.Net;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.OAuth;

/// <summary>/auth/client.js and CORS for /auth/* from the origins of the published redirect URLs.</summary>
public abstract class BrowserClientApiSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private const string AppOrigin = "http://localhost:3000";

    [Fact]
    public async Task ClientScript_IsAnEsModuleReadableFromAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/client.js");
        request.Headers.Add("Origin", "https://anywhere.example");

        using var response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        var script = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("export function createClient(baseUrl", script, StringComparison.Ordinal);
        foreach (var method in new[] { "signUpWithEmail", "signInWithEmail", "signUpWithPhone", "signInWithPhone", "signInWithProvider",
                     "getAuthGrant", "sendMagicLinkEmail", "sendSignInCode", "signInWithCode", "verifyPhone", "resendVerification",
                     "signOut", "getUser", "getSessions" })
            Assert.Contains($"{method}(", script, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(string.Join("", response.Headers.GetValues("Access-Control-Allow-Origin"))));
    }

    [Fact]
    public async Task ClientScript_Head_AnswersLikeGetWithoutABody()
    {
        using var get = await Client.GetAsync("/auth/client.js", Ct);
        var script = await get.Content.ReadAsByteArrayAsync(Ct);

        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/auth/client.js"), Ct);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/javascript", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(script.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task ClientScript_SameETag_Is304()
    {
        using var first = await Client.GetAsync("/auth/client.js", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/client.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Preflight_FromAllowedOrigin_AllowsMethodsHeadersAndCredentials()
    {
        using var response = await PreflightAsync(AppOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AppOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("Session", Header(response, "Access-Control-Allow-Headers"), StringComparison.Ordinal);
        Assert.Contains("Origin", Header(response, "Vary"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost:3001")]
    [InlineData("null")]
    public async Task Preflight_FromOtherOrigin_GrantsNothing(string origin)
    {
        using var response = await PreflightAsync(origin);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task ErrorResponse_ToAllowedOrigin_IsReadableByThePage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/signin-email") { Content = System.Net.Http.Json.JsonContent.Create(new { email = NewEmail(), password = Password }) };
        request.Headers.Add("Origin", AppOrigin);

        using var response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(AppOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.NotEqual("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AllowedOrigins_FollowPublishedRedirectUrls_WithoutRestart()
    {
        await Fixture.PublishAsync(new { redirectURLs = new[] { "https://*.preview.example.com/cb" } });

        using var added = await PreflightAsync("https://pr-7.preview.example.com");
        using var removed = await PreflightAsync(AppOrigin);

        Assert.Equal("https://pr-7.preview.example.com", Header(added, "Access-Control-Allow-Origin"));
        Assert.False(removed.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/auth/signin-email");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,session");
        return await Client.SendAsync(request, Ct);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
