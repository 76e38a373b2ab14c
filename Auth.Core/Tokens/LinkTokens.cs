using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Tokens;

/// <summary>
/// Keys of e-mailed links: 160 CSPRNG bits, stored as SHA-256, single use by one conditional UPDATE,
/// expiring after <c>email.linkExpiresIn</c>. A new link voids the user's older links of the same purpose.
/// </summary>
public sealed class LinkTokens(TimeProvider time)
{
    /// <summary>
    /// Voids older links and adds the new row to <paramref name="db"/>; the caller saves it together with the
    /// outbox message, inside a transaction it opened (the void is an immediate UPDATE).
    /// </summary>
    public async Task<string> IssueAsync(
        AuthDbContext db, string purpose, string userId, string target, string? redirectUrl, string? data, TimeSpan ttl, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.OneTimeTokens
            .Where(t => t.Purpose == purpose && t.UserId == userId && t.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);

        var key = TokenHashing.RandomHex(20);
        db.OneTimeTokens.Add(new OneTimeToken
        {
            Id = TokenHashing.RandomHex(16),
            Purpose = purpose,
            TokenHash = TokenHashing.Hash(key),
            UserId = userId,
            Target = target,
            RedirectUrl = redirectUrl,
            Data = data,
            CreatedAt = now,
            ExpiresAt = now + ttl,
        });
        return key;
    }

    /// <summary>The row behind <paramref name="key"/> whatever its state (expired and used rows still name their redirect).</summary>
    public async Task<OneTimeToken?> FindAsync(AuthDbContext db, string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 128) return null;
        var hash = TokenHashing.Hash(key);
        return await db.OneTimeTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
    }

    public bool IsLive(OneTimeToken token) =>
        token.ConsumedAt is null && token.ExpiresAt > time.GetUtcNow().UtcDateTime;

    /// <summary>Burns the link; of many concurrent calls exactly one gets true.</summary>
    public async Task<bool> ConsumeAsync(AuthDbContext db, OneTimeToken token, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var burned = await db.OneTimeTokens
            .Where(t => t.Id == token.Id && t.ConsumedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);
        return burned == 1;
    }
}
