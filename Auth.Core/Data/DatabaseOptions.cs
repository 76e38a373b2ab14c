namespace Auth.Core.Data;

/// <summary>Host configuration for storage (<c>Database:Provider</c>, <c>ConnectionStrings:Auth</c>).</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/auth.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>
    /// <c>Database:CreateIfMissing</c>: start on a new, empty SQLite file even though the data folder shows an
    /// earlier database (its key ring is still there). Off: such a start is refused, since the file was
    /// probably lost or the path is wrong. A first start (no key ring yet) always creates the file.
    /// </summary>
    public bool CreateIfMissing { get; set; }
}
