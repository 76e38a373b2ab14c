using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Data;

/// <summary>Creates the provider's context type; everything else sees only <see cref="AuthDbContext"/>.</summary>
public sealed class AuthDbContextFactory : IDbContextFactory<AuthDbContext>
{
    private readonly DbContextOptions<AuthDbContext> _options;
    private readonly DatabaseProvider _provider;

    public AuthDbContextFactory(DatabaseOptions database, Action<DbContextOptionsBuilder>? configure = null)
    {
        _provider = database.Provider;
        var builder = new DbContextOptionsBuilder<AuthDbContext>();
        Configure(builder, database);
        builder.AddInterceptors(new UserWriteInterceptor(this));
        configure?.Invoke(builder);
        _options = builder.Options;
    }

    /// <summary>Hears about user and session rows changed through this factory's contexts (one per host: its session cache).</summary>
    public IUserWriteObserver? Observer { get; set; }

    public AuthDbContext CreateDbContext() => _provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerAuthDbContext(_options),
        _ => new SqliteAuthDbContext(_options),
    };

    internal static void Configure(DbContextOptionsBuilder builder, DatabaseOptions database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(database.ConnectionString, sql =>
                {
                    sql.MigrationsHistoryTable("__AuthMigrations");
                });
                break;
            default:
                builder.UseSqlite(database.ConnectionString, sqlite => sqlite
                    .MigrationsHistoryTable("__AuthMigrations")
                    .CommandTimeout(BusyTimeoutSeconds(database.ConnectionString)));
                EnsureSqliteDirectory(database.ConnectionString);
                if (SqliteFile.PathOf(database) is { } path) builder.AddInterceptors(new SqliteFileGuardInterceptor(SqliteFileGuard.For(path)));
                break;
        }
    }

    /// <summary>
    /// For SQLite the command timeout is the busy timeout: how long a write waits for another writer's lock.
    /// Thirty seconds (the default) holds a sign-up open that long before failing; a few seconds then 503 is
    /// the honest answer. "Default Timeout=…" in the connection string still wins.
    /// </summary>
    public const int DefaultSqliteBusyTimeoutSeconds = 5;

    private static int BusyTimeoutSeconds(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var keyword in new[] { "Default Timeout", "DefaultTimeout", "Command Timeout" })
        {
            if (given.TryGetValue(keyword, out var value) && int.TryParse(value?.ToString(), out var seconds)) return seconds;
        }
        return DefaultSqliteBusyTimeoutSeconds;
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        // "Data Source=data/auth.db" on a fresh clone: the folder does not exist yet.
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
