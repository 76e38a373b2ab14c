using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Data;

/// <summary>
/// Whether the database can take a write right now, the question /healthz answers: SQLite must still be
/// the file this process opened (<see cref="SqliteFileGuard"/>) and grant the write lock within the busy
/// timeout (a write inside a transaction that is rolled back); SQL Server must answer and be READ_WRITE.
/// </summary>
public sealed class DatabaseHealth(IDbContextFactory<AuthDbContext> dbFactory, DatabaseOptions database)
{
    /// <summary>Null when writable; otherwise a short reason for operators (no secrets, no stack).</summary>
    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        try
        {
            if (SqliteFile.PathOf(database) is { } path)
            {
                if (SqliteFileGuard.For(path).Problem() is { } problem) return problem;
                if (ReadOnlyFile(path) is { } readOnly) return readOnly;
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return database.Provider == DatabaseProvider.SqlServer ? await SqlServerAsync(db, ct) : await SqliteAsync(db, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return DatabaseFailures.Describe(ex) ?? "The database cannot be reached: " + ex.GetType().Name;
        }
    }

    /// <summary>
    /// A write that only reaches the page cache and is rolled back never touches the files, so a read-only database
    /// file (or its -wal/-shm) would pass the write test and fail the first real commit: ask the file system.
    /// </summary>
    private static string? ReadOnlyFile(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (!File.Exists(file)) continue;
            try
            {
                using var _ = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                return "The database files are read-only.";
            }
        }
        return null;
    }

    private static async Task<string?> SqliteAsync(AuthDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // BEGIN IMMEDIATE takes the write lock (waiting at most the busy timeout); the no-op UPDATE makes
            // SQLite actually prepare a write, which a read-only file refuses. Nothing is committed.
            await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE", ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE \"__AuthMigrations\" SET \"ProductVersion\" = \"ProductVersion\"", ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("ROLLBACK", CancellationToken.None);
            }
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> SqlServerAsync(AuthDbContext db, CancellationToken ct)
    {
        var updateability = await db.Database
            .SqlQueryRaw<string>("SELECT CAST(DATABASEPROPERTYEX(DB_NAME(), 'Updateability') AS nvarchar(20)) AS [Value]")
            .SingleAsync(ct);
        return updateability == "READ_WRITE" ? null : $"The database is {updateability}.";
    }
}

/// <summary>Which storage failures mean "the database cannot serve now" (503) rather than a bug (500).</summary>
public static class DatabaseFailures
{
    // SQLITE_BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB
    private static readonly int[] SqliteCodes = [5, 6, 8, 10, 11, 13, 14, 26];

    // Timeout, deadlock victim, lock timeout, cannot open database, login to database failed (db offline),
    // read-only database, log / filegroup full, Azure "database unavailable", transport-level failures.
    private static readonly int[] SqlServerNumbers = [-2, 1205, 1222, 4060, 18456, 3906, 9002, 1105, 40613, 40197, 40501, 233, 10053, 10054, 10060, 64, 121];

    /// <summary>A reason when <paramref name="ex"/> (or an inner exception) is such a failure; null otherwise.</summary>
    public static string? Describe(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DatabaseUnavailableException unavailable:
                    return unavailable.Message;
                case SqliteException sqlite when SqliteCodes.Contains(sqlite.SqliteErrorCode):
                    return sqlite.SqliteErrorCode is 5 or 6
                        ? "The database is locked by another writer (busy timeout reached)."
                        : $"The database file cannot be written or read (SQLite error {sqlite.SqliteErrorCode}: {sqlite.Message}).";
                case SqlException sql when SqlServerNumbers.Contains(sql.Number):
                    return $"The database is unavailable (SQL Server error {sql.Number}).";
            }
        }
        return null;
    }
}
