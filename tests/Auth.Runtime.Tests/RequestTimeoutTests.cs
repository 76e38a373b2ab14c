using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests;

/// <summary>A client that stops sending its body is told it timed out, not that its JSON is invalid (real Kestrel).</summary>
public sealed class RequestTimeoutTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private AuthAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new AuthAppFactory(_database, new FakeTimeProvider(DateTimeOffset.UtcNow));
        _app.UseKestrel(0);
        _app.StartServer();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Post_BodyStallsBelowTheMinimumRate_AnswersRequestTimeout()
    {
        var kestrel = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KestrelServerOptions>>().Value;
        // Kestrel reads the option per request: a short grace period keeps the test quick.
        kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2));
        var address = _app.ClientOptions.BaseAddress;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        var head = $"POST /auth/signin-email HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{{\"email\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);

        // Then nothing more: Kestrel's heartbeat times the body out; the answer must say so.
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var response = await reader.ReadToEndAsync(deadline.Token);

        Assert.StartsWith("HTTP/1.1 408", response, StringComparison.Ordinal);
        Assert.Contains("\"request_timeout\"", response, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
