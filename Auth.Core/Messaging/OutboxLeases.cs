using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Messaging;

/// <summary>What became of one leased row: the values its finishing UPDATE writes.</summary>
public sealed record OutboxOutcome(string Id, string Status, int Attempts, DateTime? SentAt, DateTime? NextAttemptAt, string? Error);

/// <summary>
/// The outbox as dispatchers lease it. A claim is one conditional UPDATE that marks a batch of due rows
/// <c>sending</c> under a claim id (LeaseOwner) until LeaseUntil; every later write touches only rows that
/// claim still owns, so a node whose lease ran out and was taken over can no longer record anything.
/// </summary>
public sealed class OutboxLeases(IDbContextFactory<AuthDbContext> dbFactory, ActivityRecorder activity)
{
    /// <summary>
    /// Leases up to <paramref name="limit"/> due rows, oldest first, and returns them. A row is only taken when
    /// no older row to the same recipient is still open (pending, even if not due yet, or sending) and no row to
    /// that recipient is being sent under a live lease: so one claim holds at most one row per recipient, two
    /// rows to one recipient are never in flight at once (on any node), and they go out in creation order.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimAsync(string claim, int limit, DateTime now, DateTime until, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidates = db.OutboxMessages
            .Where(m => (m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                        || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now))
            .Where(m => !db.OutboxMessages.Any(o => o.To == m.To && o.Id != m.Id
                && (((o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending)
                     && (o.CreatedAt < m.CreatedAt || (o.CreatedAt == m.CreatedAt && string.Compare(o.Id, m.Id) < 0)))
                    || (o.Status == OutboxStatus.Sending && o.LeaseUntil >= now))))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(limit)
            .Select(m => m.Id);
        // The due test is repeated on the rows being updated: SQL Server re-checks it under the update lock, so two
        // nodes that picked the same candidate in parallel cannot both take it (SQLite runs one writer at a time).
        var claimed = await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id)
                        && ((m.Status == OutboxStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                            || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseOwner, claim)
                .SetProperty(m => m.LeaseUntil, until), ct);
        // Once claimed, reading the rows back is not cancellable: each must reach the dispatcher to be finished or released.
        return claimed == 0 ? [] : await Held(db, claim).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(CancellationToken.None);
    }

    /// <summary>Extends the lease of every row the claim still owns; returns their ids (rows another node took over are gone).</summary>
    public async Task<HashSet<string>> RenewAsync(string claim, DateTime until)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await Held(db, claim).ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, until), CancellationToken.None);
        return [.. await Held(db, claim).Select(m => m.Id).ToListAsync(CancellationToken.None)];
    }

    /// <summary>Marks delivered rows sent in one UPDATE. Not cancellable: they have gone out.</summary>
    public async Task MarkSentAsync(string claim, IReadOnlyCollection<string> ids, DateTime sentAt)
    {
        if (ids.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await RecordAsync(db, Held(db, claim).Where(m => ids.Contains(m.Id)), EventTypes.MessageSent);
        await Held(db, claim).Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>Records any other outcome (captured, a retry, dead-lettered). Not cancellable, like <see cref="MarkSentAsync"/>.</summary>
    public async Task FinishAsync(string claim, OutboxOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Only a final failure is an event; a retry is the outbox's business (Messages page).
        if (outcome.Status == OutboxStatus.Failed)
            await RecordAsync(db, Held(db, claim).Where(m => m.Id == outcome.Id), EventTypes.MessageFailed);
        await Held(db, claim).Where(m => m.Id == outcome.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, outcome.Status)
                .SetProperty(m => m.Attempts, outcome.Attempts)
                .SetProperty(m => m.SentAt, outcome.SentAt)
                .SetProperty(m => m.NextAttemptAt, outcome.NextAttemptAt)
                .SetProperty(m => m.LastError, outcome.Error)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>Hands rows back unsent: pending again, due at once, the attempt not counted.</summary>
    public async Task ReleaseAsync(string claim, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await Held(db, claim).Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>One event per row still held (type and channel, never the recipient's text or the body), saved with the update.</summary>
    private async Task RecordAsync(AuthDbContext db, IQueryable<OutboxMessage> rows, string type)
    {
        var held = await rows.Select(m => new { m.UserId, m.Channel, m.Type }).ToListAsync(CancellationToken.None);
        foreach (var m in held)
            activity.Add(db, type, m.UserId, new EventDetail { Channel = m.Channel, MessageType = m.Type }, actor: Actor.System);
    }

    // Status first: the (Status, NextAttemptAt) index narrows to the few rows in flight before LeaseOwner is compared.
    private static IQueryable<OutboxMessage> Held(AuthDbContext db, string claim) =>
        db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending && m.LeaseOwner == claim);
}
