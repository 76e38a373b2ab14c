using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Auth.Runtime.Tests.Infrastructure;
using Auth.Core.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests.Hosting;

/// <summary>
/// /healthz and the writes tell the truth about the SQLite file: deleted, overwritten or locked by another
/// process means 503 (service_unavailable) quickly, never a success that is lost on restart.
/// </summary>
public sealed class DatabaseHealthTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private readonly List<WebApplicationFactory<Program>> _apps = [];

    private string DbPath => new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task DatabaseFileDeleted_HealthAndSignUpAnswer503_NothingIsAcknowledged()
    {
        using var client = Start().CreateClient();
        (await SignUpAsync(client)).AssertStatus(HttpStatusCode.OK);

        File.Delete(DbPath);

        (await HealthAsync(client)).AssertStatus(HttpStatusCode.ServiceUnavailable);
        for (var i = 0; i < 3; i++)
            (await SignUpAsync(client)).AssertError(HttpStatusCode.ServiceUnavailable, "service_unavailable");
    }

    [Fact]
    public async Task DatabaseFileOverwrittenWithGarbage_HealthAndSignUpAnswer503()
    {
        using var client = Start().CreateClient();
        (await SignUpAsync(client)).AssertStatus(HttpStatusCode.OK);

        // Garbage over the whole file, written in place: truncating a file SQLite has memory-mapped (its pages, or
        // the -shm index) kills the test process with SIGBUS, which is not the failure under test.
        await using (var file = new FileStream(DbPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            var garbage = new byte[file.Length];
            Random.Shared.NextBytes(garbage);
            await file.WriteAsync(garbage, TestContext.Current.CancellationToken);
        }

        (await HealthAsync(client)).AssertStatus(HttpStatusCode.ServiceUnavailable);
        (await SignUpAsync(client)).AssertError(HttpStatusCode.ServiceUnavailable, "service_unavailable");
    }

    [Fact]
    public async Task DatabaseFilesMadeReadOnly_HealthAndSignUpAnswer503_NothingIsAcknowledged()
    {
        // Root ignores file modes, so the files are made immutable (chattr +i), which binds root too.
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            Assert.Skip("Making files read-only for the server process needs root (chattr +i); run the suite as root, as CI does.");
        var app = Start();
        using var client = app.CreateClient();
        (await SignUpAsync(client)).AssertStatus(HttpStatusCode.OK);
        // Not the -shm index: SQLite maps it into memory, and a write fault on a mapped page of an immutable file is
        // a SIGBUS that kills the process (the database file and its WAL are written with plain writes).
        var files = new[] { DbPath, DbPath + "-wal" }.Where(File.Exists).ToArray();
        try
        {
            await ChattrAsync("+i", files);

            (await HealthAsync(client)).AssertStatus(HttpStatusCode.ServiceUnavailable);
            for (var i = 0; i < 3; i++)
                (await SignUpAsync(client)).AssertError(HttpStatusCode.ServiceUnavailable, "service_unavailable");
            await OpenConnectionsWhileImmutableAsync(app);
        }
        finally
        {
            await ChattrAsync("-i", files);
        }
        // No restart: a connection SQLite opened read-only while the files were immutable must not linger in the pool.
        (await HealthAsync(client)).AssertStatus(HttpStatusCode.OK);
        (await SignUpAsync(client)).AssertStatus(HttpStatusCode.OK);
    }

    /// <summary>
    /// Connections opened now (as background work would) get SQLite's read-only fallback handle; several at once so
    /// the pool has to create new ones rather than reuse the read-write ones from before.
    /// </summary>
    private static async Task OpenConnectionsWhileImmutableAsync(WebApplicationFactory<Program> app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>();
        var contexts = new List<AuthDbContext>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
                contexts.Add(db);
                try
                {
                    await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
                }
                catch (DatabaseUnavailableException)
                {
                    // Refusing such a connection is what the server should do.
                }
            }
        }
        finally
        {
            foreach (var db in contexts) await db.DisposeAsync();
        }
    }

    private static async Task ChattrAsync(string flag, string[] files)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, .. files]) { RedirectStandardError = true })!;
        await chattr.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (chattr.ExitCode != 0)
            Assert.Fail($"chattr {flag} failed: {await chattr.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
    }

    [Fact]
    public async Task AnotherProcessHoldsTheWriteLock_SignUpAndHealthAnswer503Quickly()
    {
        using var client = Start().CreateClient();
        (await SignUpAsync(client)).AssertStatus(HttpStatusCode.OK);

        await using var other = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var watch = Stopwatch.StartNew();
        (await SignUpAsync(client)).AssertError(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        (await HealthAsync(client)).AssertStatus(HttpStatusCode.ServiceUnavailable);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"Took {watch.Elapsed}; the busy timeout should be a few seconds.");

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        (await HealthAsync(client)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_OnAMissingDatabaseBesideAnEarlierKeyRing_RefusesUnlessCreateIfMissing()
    {
        var first = Start();
        await first.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(DbPath);

        var refused = Assert.ThrowsAny<Exception>(() => Start());
        Assert.Contains("Database:CreateIfMissing", Flatten(refused), StringComparison.Ordinal);
        Assert.False(File.Exists(DbPath));

        using var client = Start(("Database:CreateIfMissing", "true")).CreateClient();
        (await HealthAsync(client)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_OnAnEmptyDataFolder_CreatesTheDatabase()
    {
        using var client = Start().CreateClient();
        (await HealthAsync(client)).AssertStatus(HttpStatusCode.OK);
        Assert.True(File.Exists(DbPath));
    }

    private static string Flatten(Exception ex)
    {
        var text = "";
        for (Exception? e = ex; e is not null; e = e.InnerException) text += e.Message + "\n";
        return text;
    }

    private WebApplicationFactory<Program> Start(params (string Key, string Value)[] settings)
    {
        var app = new AuthAppFactory(_database, new FakeTimeProvider(DateTimeOffset.UtcNow)).WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });
        _apps.Add(app);
        _ = app.Server;
        return app;
    }

    private static async Task<ApiResponse> SignUpAsync(HttpClient client) =>
        await ApiResponse.ReadAsync(await client.PostAsJsonAsync("/auth/signup-email",
            new { email = $"h-{Guid.NewGuid():N}@example.com", password = "correct horse 1", redirectURL = SuiteBase.RedirectUrl },
            TestContext.Current.CancellationToken));

    private static async Task<ApiResponse> HealthAsync(HttpClient client) =>
        await ApiResponse.ReadAsync(await client.GetAsync("/healthz", TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            try
            {
                await app.DisposeAsync();
            }
            catch (Exception)
            {
                // A host that refused to start has nothing to stop.
            }
        }
        await _database.DisposeAsync();
    }
}
