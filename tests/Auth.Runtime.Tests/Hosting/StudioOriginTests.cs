using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests.Hosting;

/// <summary>
/// The studio's circuit hub (/_blazor) answers only its own origin (and Studio:AllowedOrigins), even to a
/// request that carries a valid studio cookie: a page on another site must not drive an operator's circuit.
/// </summary>
public sealed partial class StudioOriginTests : IAsyncLifetime
{
    private const string ProxyOrigin = "https://studio.example.test";
    private readonly SqliteTarget _database = new();
    private readonly CookieContainer _cookies = new();
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _http = null!;
    private Uri _base = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new AuthAppFactory(_database, new FakeTimeProvider(DateTimeOffset.UtcNow))
        {
            Settings = new Dictionary<string, string> { ["Studio:AllowedOrigins:0"] = ProxyOrigin },
        };
        _app.UseKestrel(0);
        _app.StartServer();
        _base = _app.ClientOptions.BaseAddress;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = _base };
        await SignInAsync();
    }

    [Theory]
    [InlineData("http://evil.test")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1.evil.test")]
    public async Task BlazorNegotiate_WithTheCookie_FromAForeignOrigin_IsForbidden(string origin)
    {
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateStatusAsync(origin));
    }

    [Fact]
    public async Task BlazorNegotiate_WithTheCookie_FromItsOwnOrigin_IsAllowed()
    {
        Assert.Equal(HttpStatusCode.OK, await NegotiateStatusAsync(_base.GetLeftPart(UriPartial.Authority)));
    }

    [Fact]
    public async Task BlazorNegotiate_WithTheCookie_FromAConfiguredProxyOrigin_IsAllowed()
    {
        Assert.Equal(HttpStatusCode.OK, await NegotiateStatusAsync(ProxyOrigin));
    }

    [Theory]
    [InlineData("http://evil.test")]
    [InlineData("null")]
    public async Task BlazorWebSocket_WithTheCookie_FromAForeignOrigin_IsForbidden(string origin)
    {
        var token = await NegotiateTokenAsync();
        using var socket = NewSocket(origin);
        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(HubSocketUri(token), TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task BlazorWebSocket_WithTheCookie_FromItsOwnOrigin_Upgrades()
    {
        var token = await NegotiateTokenAsync();
        using var socket = NewSocket(_base.GetLeftPart(UriPartial.Authority));
        await socket.ConnectAsync(HubSocketUri(token), TestContext.Current.CancellationToken);
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);
    }

    private ClientWebSocket NewSocket(string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = _cookies;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        return socket;
    }

    private Uri HubSocketUri(string token) => new($"ws://{_base.Authority}/_blazor?id={Uri.EscapeDataString(token)}");

    private async Task<HttpStatusCode> NegotiateStatusAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private async Task<string> NegotiateTokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", _base.GetLeftPart(UriPartial.Authority));
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return body["connectionToken"]!.GetValue<string>();
    }

    /// <summary>The real sign-in form: antiforgery token from the page, then the post that sets the studio cookie.</summary>
    private async Task SignInAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await _http.GetStringAsync("/signin", ct);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "The sign-in page carries no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = AuthAppFactory.OperatorEmail,
            ["Input.Password"] = AuthAppFactory.OperatorPassword,
        });
        using var response = await _http.PostAsync("/signin", form, ct);
        Assert.Contains(_cookies.GetCookies(_base).Cast<Cookie>(), c => c.Name == Studio.Web.Security.StudioAuth.CookieName);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
