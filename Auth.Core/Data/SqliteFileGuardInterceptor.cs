using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Auth.Core.Data;

/// <summary>Every connection the app opens to its SQLite file first asks <see cref="SqliteFileGuard"/>.</summary>
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
}
