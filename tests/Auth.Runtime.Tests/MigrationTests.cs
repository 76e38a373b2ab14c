using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Auth.Runtime.Tests;

/// <summary>The two migration sets never drift from the model, and SQL Server's script builds without a server.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.SqlServer, "Server=unused;Database=unused;TrustServerCertificate=True")]
    public void Migrations_ForEachProvider_HaveNoPendingModelChanges(DatabaseProvider provider, string connectionString)
    {
        using var db = new AuthDbContextFactory(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }).CreateDbContext();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes no migration captures; add a migration for both providers.");
    }

    [Fact]
    public void SqlServerMigrationScript_GeneratesWithoutAServer()
    {
        using var db = new AuthDbContextFactory(new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=unused;Database=unused;TrustServerCertificate=True",
        }).CreateDbContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Users]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Users_NormalizedEmail]", script);
        Assert.Contains("WHERE [NormalizedEmail] IS NOT NULL", script);
        Assert.Contains("CREATE TABLE [SettingsRevisions]", script);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
    }

    [Fact]
    public void SqliteAndSqlServer_MigrateTheSameTables()
    {
        using var sqlite = new AuthDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=unused.db" }).CreateDbContext();
        using var sqlServer = new AuthDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=unused" }).CreateDbContext();

        Assert.Equal(
            sqlite.Model.GetEntityTypes().Select(e => e.GetTableName()).Order(),
            sqlServer.Model.GetEntityTypes().Select(e => e.GetTableName()).Order());
    }
}
