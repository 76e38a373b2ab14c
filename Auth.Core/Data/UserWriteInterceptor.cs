using System.Data.Common;
using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Auth.Core.Data;

/// <summary>Told which users' rows (the user or one of their sessions) this process changed, once the change is visible.</summary>
public interface IUserWriteObserver
{
    void UsersChanged(IReadOnlyCollection<string> userIds);
}

/// <summary>
/// Reports every user or session row a context of this factory modifies or deletes to the factory's observer
/// (the session cache), right after SaveChanges and again when the surrounding transaction commits: a reader
/// that looked between the two saw the old row, and must not keep it. ExecuteUpdate/ExecuteDelete bypass
/// this; their callers report through <see cref="AuthDbContext.NoteUserWrite"/>.
/// </summary>
internal sealed class UserWriteInterceptor(AuthDbContextFactory factory) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? context)
    {
        if (context is not AuthDbContext db) return;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case User user: db.NoteUserWrite(user.Id); break;
                case Session session: db.NoteUserWrite(session.UserId); break;
            }
        }
    }

    private void Publish(DbContext? context, bool committed)
    {
        if (context is not AuthDbContext db || db.WrittenUserIds is not { Count: > 0 } ids) return;
        factory.Observer?.UsersChanged(ids);
        if (committed) db.WrittenUserIds = null;
    }
}
