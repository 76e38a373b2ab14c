using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Messaging;

/// <summary>The outbox as operators read it: the delivery log and the dev mailbox, newest first.</summary>
public sealed class MessageLog(IDbContextFactory<AuthDbContext> dbFactory)
{
    public const int MaxItems = 200;

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(string? to, int limit = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        IQueryable<OutboxMessage> query = db.OutboxMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(to))
        {
            var trimmed = to.Trim();
            query = query.Where(m => m.To == trimmed || m.To.ToLower() == trimmed.ToLower());
        }
        return await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(Math.Clamp(limit, 1, MaxItems)).ToListAsync(ct);
    }
}
