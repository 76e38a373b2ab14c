using Auth.Core.Operators;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Studio.E2E.Infrastructure;

/// <summary>
/// The real host (Studio.Web's Program) on a real loopback port over a fresh SQLite file, started like a
/// first run: no operator, only the one-time setup code.
/// </summary>
public sealed class StudioApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "studio-e2e-" + Guid.NewGuid().ToString("N"));

    private StudioApp() => Directory.CreateDirectory(_directory);

    public static StudioApp Start()
    {
        var app = new StudioApp();
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    public ServerLog Log { get; } = new();

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public Task<string?> IssueSetupCodeAsync() =>
        Services.GetRequiredService<OperatorService>().IssueSetupCodeAsync(TestContext.Current.CancellationToken);

    /// <summary>A plain client on the real port that neither follows redirects nor keeps cookies.</summary>
    public HttpClient CreateRawClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Auth", $"Data Source={Path.Combine(_directory, "auth.db")};Pooling=False");
        builder.UseSetting("Runtime:PublicBaseUrl", "http://auth.test");
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var entry in Log.Entries) TestContext.Current.TestOutputHelper?.WriteLine(entry);
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean up; the test result does not depend on it.
        }
        GC.SuppressFinalize(this);
    }
}
