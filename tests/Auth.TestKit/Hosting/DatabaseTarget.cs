using Auth.Core.Data;
using Microsoft.Data.SqlClient;

namespace Auth.TestKit.Hosting;

/// <summary>A fresh, empty database for one test class: a real SQLite file, or a real SQL Server database.</summary>
public abstract class DatabaseTarget : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }
    public abstract string ConnectionString { get; }

    /// <summary>Why this target cannot run here (null when it can).</summary>
    public virtual string? SkipReason => null;

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTarget : DatabaseTarget
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "auth-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={Path.Combine(_directory, "auth.db")}";

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalising connection; the temp folder is cleaned eventually.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Runs when AUTH_TEST_SQLSERVER holds a connection string; each fixture gets its own database.</summary>
public sealed class SqlServerTarget : DatabaseTarget
{
    public const string Variable = "AUTH_TEST_SQLSERVER";
    private static readonly string? Server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _connectionString = "";

    public SqlServerTarget()
    {
        if (string.IsNullOrWhiteSpace(Server)) return;
        var builder = new SqlConnectionStringBuilder(Server) { InitialCatalog = "auth_tests_" + Guid.NewGuid().ToString("N")[..12] };
        _connectionString = builder.ConnectionString;
    }

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string ConnectionString => _connectionString;

    public override string? SkipReason => string.IsNullOrWhiteSpace(Server)
        ? $"SQL Server suite skipped: set {Variable} to a connection string to run it."
        : null;

    public override async ValueTask DisposeAsync()
    {
        if (SkipReason is not null) return;
        await using var db = new AuthDbContextFactory(Options).CreateDbContext();
        await db.Database.EnsureDeletedAsync();
    }
}
