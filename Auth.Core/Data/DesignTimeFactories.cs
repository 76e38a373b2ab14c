using Microsoft.EntityFrameworkCore.Design;

namespace Auth.Core.Data;

// Used only by `dotnet ef migrations add`; no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuthDbContext>
{
    public SqliteAuthDbContext CreateDbContext(string[] args) =>
        (SqliteAuthDbContext)new AuthDbContextFactory(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=design-time.db",
        }).CreateDbContext();
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAuthDbContext>
{
    public SqlServerAuthDbContext CreateDbContext(string[] args) =>
        (SqlServerAuthDbContext)new AuthDbContextFactory(new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=localhost;Database=AuthStudio;Trusted_Connection=True;TrustServerCertificate=True",
        }).CreateDbContext();
}
