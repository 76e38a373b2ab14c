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
/// nodes. Each take is one atomic statement: bump a live window that has room, else restart an expired
/// one, else insert the first; a racing insert loses on the primary key and looks again. Nothing is read
/// and written back in memory, so N parallel takes of a limit L let exactly min(N, L) through.
/// Called inside the caller's transaction, a take is undone when the send it guards rolls back.
/// </summary>
public sealed class Throttles(TimeProvider time)
{
    private const int MaxRaces = 3;

    public async Task<ThrottleTake> TryTakeAsync(AuthDbContext db, string key, int limit, TimeSpan window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var k = Normalize(key);
        var now = time.GetUtcNow().UtcDateTime;
        var endsAt = now + window;
        for (var race = 0; ; race++)
        {
            var bumped = await db.Throttles
                .Where(t => t.Key == k && t.WindowEndsAt > now && t.Count < limit)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + 1).SetProperty(t => t.UpdatedAt, now), ct);
            if (bumped == 1) return ThrottleTake.Granted;

            var restarted = await db.Throttles
                .Where(t => t.Key == k && t.WindowEndsAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, 1).SetProperty(t => t.WindowEndsAt, endsAt).SetProperty(t => t.UpdatedAt, now), ct);
            if (restarted == 1) return ThrottleTake.Granted;

            var liveUntil = await db.Throttles.AsNoTracking().Where(t => t.Key == k)
                .Select(t => (DateTime?)t.WindowEndsAt).FirstOrDefaultAsync(ct);
            if (liveUntil is { } until && until > now) return new ThrottleTake(false, until - now);
            if (liveUntil is null && await TryInsertAsync(db, k, endsAt, now, ct)) return ThrottleTake.Granted;
            if (race >= MaxRaces) return new ThrottleTake(false, TimeSpan.FromSeconds(1)); // never spin; the client retries
        }
    }

    /// <summary>The live counter of <paramref name="key"/>, or null when there is none (never taken, or its window ended).</summary>
    public async Task<Throttle?> FindLiveAsync(AuthDbContext db, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var k = Normalize(key);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Throttles.AsNoTracking().SingleOrDefaultAsync(t => t.Key == k && t.WindowEndsAt > now, ct);
    }

    /// <summary>Deletes counters whose window has ended; they restart from an insert when next taken.</summary>
    public Task<int> SweepAsync(AuthDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow().UtcDateTime;
        return db.Throttles.Where(t => t.WindowEndsAt <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>Keys longer than the column (very long e-mail addresses) are replaced by their hash.</summary>
    public static string Normalize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= ThrottleConfiguration.KeyMaxLength ? key : "sha256:" + TokenHashing.Hash(key);
    }

    // Raw SQL so the caller's tracked entities (a user being signed up) are not saved along with it.
    private static async Task<bool> TryInsertAsync(AuthDbContext db, string key, DateTime endsAt, DateTime now, CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"Throttles\" (\"Key\", \"WindowEndsAt\", \"Count\", \"UpdatedAt\") VALUES ({key}, {endsAt}, {1}, {now})", ct);
            return true;
        }
        catch (DbException ex) when (IsDuplicateKey(ex))
        {
            return false; // another request inserted it first: look again
        }
    }

    private static bool IsDuplicateKey(DbException ex) =>
        ex.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
        || ex.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase);
}
