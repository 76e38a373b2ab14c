namespace Auth.Core.Data;

/// <summary>Host configuration for storage (<c>Database:Provider</c>, <c>ConnectionStrings:Auth</c>).</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/auth.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
}
