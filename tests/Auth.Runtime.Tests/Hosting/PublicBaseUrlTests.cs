using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Auth.Core.Messaging;
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
        var (app, port) = await StartAsync(p => $"http://localhost:{p}", publicBaseUrl: _ => null);
        var origin = $"http://localhost:{port}";
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
        var (app, port) = await StartAsync(p => $"http://0.0.0.0:{p}", publicBaseUrl: _ => null);
        using var client = app.CreateClient();

        Assert.Equal($"http://localhost:{port}", await OperatorTokenIssuerAsync(client));
    }

    [Fact]
    public async Task PublicBaseUrlSet_DifferentFromEveryListeningUrl_WinsAndWarnsAtStart()
    {
        var (app, port) = await StartAsync(p => $"http://localhost:{p}", publicBaseUrl: _ => "https://auth.example.com");
        using var client = app.CreateClient();

        Assert.Equal("https://auth.example.com", await OperatorTokenIssuerAsync(client));
        Assert.Contains(_log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("https://auth.example.com", StringComparison.Ordinal) && l.Contains($":{port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicBaseUrlSet_MatchingTheListeningUrl_DoesNotWarn()
    {
        var (app, port) = await StartAsync(p => $"http://localhost:{p}", publicBaseUrl: p => $"http://localhost:{p}");
        var origin = $"http://localhost:{port}";
        using var client = app.CreateClient();

        Assert.Equal(origin, await OperatorTokenIssuerAsync(client));
        Assert.DoesNotContain(_log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("PublicBaseUrl", StringComparison.Ordinal));
    }

    /// <summary>The port is in the host's own configuration, so it is chosen first (and again if taken meanwhile).</summary>
    private async Task<(AuthAppFactory App, int Port)> StartAsync(Func<int, string> urls, Func<int, string?> publicBaseUrl)
    {
        var database = new SqliteTarget();
        var port = 0;
        // `urls` is what `--urls` and ASPNETCORE_URLS put in the host configuration.
        var app = await LoopbackPort.StartAsync(
            p =>
            {
                port = p;
                return new AuthAppFactory(database, new FakeTimeProvider(DateTimeOffset.UtcNow))
                {
                    PublicBaseUrl = publicBaseUrl(p),
                    Settings = new Dictionary<string, string> { ["urls"] = urls(p) },
                    LoggerProvider = _log,
                };
            },
            host =>
            {
                host.UseKestrel(port);
                host.StartServer();
            });
        _hosts.Add((database, app));
        return (app, port);
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
