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
        configure?.Invoke(builder);
        _options = builder.Options;
    }

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
                builder.UseSqlite(database.ConnectionString, sqlite => sqlite.MigrationsHistoryTable("__AuthMigrations"));
                EnsureSqliteDirectory(database.ConnectionString);
                break;
        }
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
