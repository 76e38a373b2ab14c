using Microsoft.Data.Sqlite;

namespace Auth.Core.Data;

/// <summary>The SQLite database file behind a connection string (null for SQL Server or an in-memory database).</summary>
public static class SqliteFile
{
    public static string? PathOf(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProvider.Sqlite) return null;
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory) return null;
        if (source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null; // URI filenames: not guessed at
        return Path.GetFullPath(source);
    }
}
