using Auth.Core.Data;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Passkeys;

/// <summary>The caller's own passkeys: list and remove. Allowed while passkeys are disabled, so users can clean up.</summary>
public sealed class PasskeyManagement(IDbContextFactory<AuthDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PasskeyInfo>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Passkeys.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        return rows.Select(PasskeyInfo.From).ToList();
    }

    public async Task<Result<Unit>> RemoveAsync(string userId, string? id, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(id)) return PasskeyErrors.NotFound();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await db.Passkeys.Where(p => p.Id == id && p.UserId == userId).ExecuteDeleteAsync(ct);
        return removed == 1 ? Unit.Value : PasskeyErrors.NotFound();
    }
}
