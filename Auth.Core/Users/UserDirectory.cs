using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

public sealed record UserPage(IReadOnlyList<User> Items, int Total, int Page, int PageSize);

/// <summary>Operator-side look-ups of users: search, detail, delete.</summary>
public sealed class UserDirectory(IDbContextFactory<AuthDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    /// <summary>Matches e-mail, phone or name by substring, newest first.</summary>
    public async Task<UserPage> SearchAsync(string? query, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        IQueryable<User> users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            var lower = q.ToLowerInvariant();
            var digits = new string(q.Where(c => char.IsDigit(c) || c == '+').ToArray());
            users = users.Where(u =>
                (u.NormalizedEmail != null && u.NormalizedEmail.Contains(lower)) ||
                (u.Name != null && u.Name.Contains(q)) ||
                (digits.Length > 0 && u.Phone != null && u.Phone.Contains(digits)) ||
                u.Id == lower);
        }

        var total = await users.CountAsync(ct);
        var items = await users.OrderByDescending(u => u.SignUpAt).ThenBy(u => u.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new UserPage(items, total, page, pageSize);
    }

    public async Task<User?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
    }

    /// <summary>Deletes the user; sessions and one-time tokens go with it (cascade).</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return false;
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
