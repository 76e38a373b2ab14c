using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Auth.Core.Messaging;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests.Hosting;

/// <summary>
/// Runtime:PublicBaseUrl unset: links and the JWT issuer follow the port the host really listens on
/// (`--urls`), not a default port nobody serves. Set: it wins, and a mismatch with every listening URL is
/// logged at start. Real Kestrel on a reserved loopback port.
/// </summary>
public sealed class PublicBaseUrlTests : IAsyncLifetime
{
    private readonly List<(SqliteTarget Database, AuthAppFactory App)> _hosts = [];
    private readonly CapturedLog _log = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task PublicBaseUrlUnset_ListeningOnAnotherPort_LinksAndIssuerUseTheListeningOrigin()
    {
        var port = FreePort();
        var origin = $"http://localhost:{port}";
        var app = Start(port, urls: origin, publicBaseUrl: null);
        using var client = app.CreateClient();
        await app.PublishAsync("""{"redirectURLs":["http://localhost:3000/done"]}""");

        var email = $"port-{Guid.NewGuid():N}@example.com";
        using var signUp = await client.PostAsJsonAsync("/auth/signup-email",
            new { email, password = "correct horse 1", redirectURL = "http://localhost:3000/done" }, Ct);
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        var mail = Assert.Single(await app.Services.GetRequiredService<MessageLog>().ListAsync(email, 10, Ct));
        Assert.Contains($"{origin}/auth/verify?key=", mail.TextBody ?? mail.Body, StringComparison.Ordinal);

        Assert.Equal(origin, await OperatorTokenIssuerAsync(client));
        Assert.Contains(_log.Lines, l => l.Contains(origin, StringComparison.Ordinal) && l.Contains("urls", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("PublicBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicBaseUrlUnset_WildcardUrls_UseLocalhost()
    {
        var port = FreePort();
        var app = Start(port, urls: $"http://0.0.0.0:{port}", publicBaseUrl: null);
        using var client = app.CreateClient();

        Assert.Equal($"http://localhost:{port}", await OperatorTokenIssuerAsync(client));
    }

    [Fact]
    public async Task PublicBaseUrlSet_DifferentFromEveryListeningUrl_WinsAndWarnsAtStart()
    {
        var port = FreePort();
        var app = Start(port, urls: $"http://localhost:{port}", publicBaseUrl: "https://auth.example.com");
        using var client = app.CreateClient();

        Assert.Equal("https://auth.example.com", await OperatorTokenIssuerAsync(client));
        Assert.Contains(_log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("https://auth.example.com", StringComparison.Ordinal) && l.Contains($":{port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicBaseUrlSet_MatchingTheListeningUrl_DoesNotWarn()
    {
        var port = FreePort();
        var origin = $"http://localhost:{port}";
        var app = Start(port, urls: origin, publicBaseUrl: origin);
        using var client = app.CreateClient();

        Assert.Equal(origin, await OperatorTokenIssuerAsync(client));
        Assert.DoesNotContain(_log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("PublicBaseUrl", StringComparison.Ordinal));
    }

    private AuthAppFactory Start(int port, string urls, string? publicBaseUrl)
    {
        var database = new SqliteTarget();
        // `urls` is what `--urls` and ASPNETCORE_URLS put in the host configuration.
        var app = new AuthAppFactory(database, new FakeTimeProvider(DateTimeOffset.UtcNow))
        {
            PublicBaseUrl = publicBaseUrl,
            Settings = new Dictionary<string, string> { ["urls"] = urls },
            LoggerProvider = _log,
        };
        _hosts.Add((database, app));
        app.UseKestrel(port);
        app.StartServer();
        return app;
    }

    private static async Task<string> OperatorTokenIssuerAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/admin/api/token",
            new { email = AuthAppFactory.OperatorEmail, password = AuthAppFactory.OperatorPassword }, Ct);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>();
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!["iss"]!.GetValue<string>();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var (database, app) in _hosts)
        {
            await app.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    /// <summary>Every log line as "Level: message".</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(Lines);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
