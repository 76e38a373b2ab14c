using System.Data.Common;
using Auth.Core.Data;
using Auth.Core.Data.Configurations;
using Auth.Core.Data.Entities;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Throttling;

/// <summary>The answer of <see cref="Throttles.TryTakeAsync"/>: allowed, or how long until the window ends.</summary>
public readonly record struct ThrottleTake(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly ThrottleTake Granted = new(true, TimeSpan.Zero);

    /// <summary>Whole seconds for a Retry-After header, at least 1.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// Fixed-window counters in the database (table <c>Throttles</c>), so a limit holds across requests and
/// nodes. A take makes sure the row exists (insert if missing), then one atomic conditional UPDATE restarts
/// an ended window or counts into a live one that has room. Nothing is read and written back in memory, so
/// N parallel takes of a limit L let exactly min(N, L) through.
/// Called inside the caller's transaction, a take is undone when the send it guards rolls back.
/// </summary>
public sealed class Throttles(TimeProvider time)
{
    public async Task<ThrottleTake> TryTakeAsync(AuthDbContext db, string key, int limit, TimeSpan window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var k = Normalize(key);
        var now = time.GetUtcNow().UtcDateTime;
        var endsAt = now + window;
        await EnsureRowAsync(db, k, endsAt, now, ct);

        // One statement whatever the row's state (restart an ended window, or count into a live one with room), so a
        // take issues the same statements for a first and a later send: enumeration protection relies on that.
        var taken = await db.Throttles
            .Where(t => t.Key == k && (t.WindowEndsAt <= now || t.Count < limit))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Count, t => t.WindowEndsAt <= now ? 1 : t.Count + 1)
                .SetProperty(t => t.WindowEndsAt, t => t.WindowEndsAt <= now ? endsAt : t.WindowEndsAt)
                .SetProperty(t => t.UpdatedAt, now), ct);
        if (taken == 1) return ThrottleTake.Granted;

        var until = await db.Throttles.AsNoTracking().Where(t => t.Key == k)
            .Select(t => (DateTime?)t.WindowEndsAt).FirstOrDefaultAsync(ct);
        return new ThrottleTake(false, until is { } u && u > now ? u - now : TimeSpan.FromSeconds(1));
    }

    /// <summary>The live counter of <paramref name="key"/>, or null when there is none (never taken, or its window ended).</summary>
    public async Task<Throttle?> FindLiveAsync(AuthDbContext db, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var k = Normalize(key);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Throttles.AsNoTracking().SingleOrDefaultAsync(t => t.Key == k && t.WindowEndsAt > now, ct);
    }

    /// <summary>Keys longer than the column (very long e-mail addresses) are replaced by their hash.</summary>
    public static string Normalize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= ThrottleConfiguration.KeyMaxLength ? key : "sha256:" + TokenHashing.Hash(key);
    }

    // Raw SQL so the caller's tracked entities (a user being signed up) are not saved along with it. A new row starts
    // at 0 and is counted by the UPDATE that follows, like any other.
    private static async Task EnsureRowAsync(AuthDbContext db, string key, DateTime endsAt, DateTime now, CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"Throttles\" (\"Key\", \"WindowEndsAt\", \"Count\", \"UpdatedAt\") SELECT {key}, {endsAt}, {0}, {now} WHERE NOT EXISTS (SELECT 1 FROM \"Throttles\" WHERE \"Key\" = {key})", ct);
        }
        catch (DbException ex) when (IsDuplicateKey(ex))
        {
            // Another request inserted it between the check and the insert (SQL Server): the row is there either way.
        }
    }

    private static bool IsDuplicateKey(DbException ex) =>
        ex.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
        || ex.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase);
}
