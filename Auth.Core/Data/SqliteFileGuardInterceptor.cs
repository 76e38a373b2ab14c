using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Auth.Core.Data;

/// <summary>
/// Every connection the app opens to its SQLite file first asks <see cref="SqliteFileGuard"/>, and a connection
/// SQLite opened read-only is never used.
/// </summary>
/// <remarks>
/// When the file cannot be opened for writing (made immutable, permissions changed) SQLite quietly falls back to a
/// read-only handle instead of failing the open. Pooled, that handle would keep refusing writes with
/// "attempt to write a readonly database" long after the file is writable again, so it is refused here and the
/// pool is cleared: the next open asks the file system afresh.
/// </remarks>
internal sealed class SqliteFileGuardInterceptor(SqliteFileGuard guard) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        guard.ThrowIfUnavailable();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        guard.ThrowIfUnavailable();
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => RefuseReadOnly(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RefuseReadOnly(connection);
        return Task.CompletedTask;
    }

    private static void RefuseReadOnly(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite) return;
        if (SQLitePCL.raw.sqlite3_db_readonly(handle, "main") != 1) return;
        if (new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.ReadOnly) return;
        SqliteConnection.ClearPool(sqlite);
        sqlite.Close();
        throw new DatabaseUnavailableException("The database files are read-only.");
    }
}
