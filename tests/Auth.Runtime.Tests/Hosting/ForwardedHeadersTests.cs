using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests.Hosting;

/// <summary>
/// Runtime:ForwardedHeaders: behind a known proxy each client keeps its own per-IP bucket; an
/// X-Forwarded-For from any other address is ignored. Real Kestrel, so the peer really is 127.0.0.1.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const int PerMinute = 3;
    private readonly List<(SqliteTarget Database, WebApplicationFactory<Program> App)> _hosts = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task IpLimit_FromAKnownProxy_GivesEachForwardedClientItsOwnBucket()
    {
        using var client = await StartAsync(knownProxy: "127.0.0.1");

        for (var i = 0; i < PerMinute; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(client, "203.0.113.10"));

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, "203.0.113.20"));
    }

    [Fact]
    public async Task IpLimit_FromAKnownNetwork_GivesEachForwardedClientItsOwnBucket()
    {
        using var client = await StartAsync(knownNetwork: "127.0.0.0/8");

        for (var i = 0; i < PerMinute; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(client, "198.51.100.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, "198.51.100.2"));
    }

    [Fact]
    public async Task IpLimit_ThroughTwoKnownProxies_KeysOnTheClientLeftOfThem()
    {
        using var client = await StartAsync(knownNetwork: "127.0.0.0/8");

        for (var i = 0; i < PerMinute; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, "198.51.100.7, 127.0.0.5"));
        // Same client through another inner proxy: same bucket. Another client: its own.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(client, "198.51.100.7, 127.0.0.6"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, "198.51.100.8, 127.0.0.5"));
    }

    [Fact]
    public async Task IpLimit_FromAKnownProxy_IgnoresWhatTheClientWroteLeftOfItsOwnAddress()
    {
        using var client = await StartAsync(knownProxy: "127.0.0.1");

        for (var i = 0; i < PerMinute; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, $"10.0.0.{i + 1}, 203.0.113.30"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(client, "10.0.0.99, 203.0.113.30"));
    }

    [Fact]
    public async Task IpLimit_FromAnUnknownAddress_IgnoresXForwardedFor()
    {
        using var client = await StartAsync(knownProxy: "10.20.30.40");

        for (var i = 0; i < PerMinute; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, $"203.0.113.{i + 1}"));
        // A spoofed header from an untrusted peer does not buy a fresh bucket.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(client, "203.0.113.99"));
    }

    [Fact]
    public async Task IpLimit_WithoutForwardedHeadersConfigured_IgnoresXForwardedFor()
    {
        using var client = await StartAsync();

        for (var i = 0; i < PerMinute; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, $"203.0.113.{i + 1}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(client, "203.0.113.99"));
    }

    private async Task<HttpClient> StartAsync(string? knownProxy = null, string? knownNetwork = null)
    {
        var database = new SqliteTarget();
        var settings = new Dictionary<string, string>();
        if (knownProxy is not null) settings["Runtime:ForwardedHeaders:KnownProxies:0"] = knownProxy;
        if (knownNetwork is not null) settings["Runtime:ForwardedHeaders:KnownNetworks:0"] = knownNetwork;
        // Configured on the factory itself: a WithWebHostBuilder copy would not keep UseKestrel's port.
        var app = new AuthAppFactory(database, new FakeTimeProvider(DateTimeOffset.UtcNow)) { Settings = settings };
        _hosts.Add((database, app));
        app.UseKestrel(0);
        app.StartServer();
        await app.PublishAsync($$$"""{"security":{"ipRequestsPerMinute":{{{PerMinute}}}}}""");
        return app.CreateClient();
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/signin-email")
        {
            Content = JsonContent.Create(new { email = "nobody@example.com", password = "not the password" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (database, app) in _hosts)
        {
            await app.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
