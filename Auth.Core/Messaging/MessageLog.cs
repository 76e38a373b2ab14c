using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Messaging;

/// <summary>What the studio's delivery log filters on; null or blank means any.</summary>
public sealed record MessageFilter(string? Recipient = null, string? Channel = null, string? Status = null);

/// <summary>One page of the delivery log, newest first, with the number of rows the filter matches.</summary>
public sealed record MessagePage(IReadOnlyList<OutboxMessage> Items, int Total, int Page, int PageSize);

/// <summary>The outbox as operators read it: the delivery log and the dev mailbox, newest first.</summary>
public sealed class MessageLog(IDbContextFactory<AuthDbContext> dbFactory)
{
    public const int MaxItems = 200;

    public const int MaxPageSize = 100;

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

    /// <summary>The studio's view: the recipient matches by substring (case-insensitive), channel and status exactly.</summary>
    public async Task<MessagePage> SearchAsync(MessageFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        IQueryable<OutboxMessage> query = db.OutboxMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Recipient))
        {
            var lower = filter.Recipient.Trim().ToLowerInvariant();
            query = query.Where(m => m.To.ToLower().Contains(lower));
        }
        if (!string.IsNullOrWhiteSpace(filter.Channel)) query = query.Where(m => m.Channel == filter.Channel);
        if (!string.IsNullOrWhiteSpace(filter.Status)) query = query.Where(m => m.Status == filter.Status);

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new MessagePage(items, total, page, pageSize);
    }

    public async Task<OutboxMessage?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
    }
}
