using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Sessions;

/// <summary>
/// The sessions this node checked lately, keyed by the SHA-256 of their token (ADR 0010). A hit skips the
/// ES256 signature check for good (the token cannot change) and the database read for <see cref="Freshness"/>:
/// a row read longer ago is read again, so a revocation made on another node is honoured within that bound.
/// Writes on this node drop the affected users' entries at once (<see cref="IUserWriteObserver"/>).
/// </summary>
public sealed class SessionCache : IUserWriteObserver
{
    /// <summary>How long a row read from the database is trusted: the bound for revocations made on other nodes.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At this many entries those not read again for <see cref="IdleEntryAge"/> are dropped (a session in use is
    /// re-read every second), and if that frees too little the cache starts over. An entry is a user and a
    /// session row, about 1–2 kB.
    /// </summary>
    public const int MaxEntries = 50_000;

    public static readonly TimeSpan IdleEntryAge = TimeSpan.FromSeconds(10);

    private const int MaxTokenBytes = 8 * 1024;

    private readonly ConcurrentDictionary<TokenKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, Stamp> _stamps = new(StringComparer.Ordinal);
    private long _generation;

    public SessionCache(IDbContextFactory<AuthDbContext> dbFactory)
    {
        // Without the write hook a write on this node could be served stale, so only that factory gets a cache.
        if (dbFactory is AuthDbContextFactory factory)
        {
            factory.Observer = this;
            Enabled = true;
        }
    }

    public bool Enabled { get; }

    public int Count => _entries.Count;

    /// <summary>Take before reading the rows an entry will hold: a write reported after it voids the entry.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public static bool TryKey(string token, out TokenKey key)
    {
        key = default;
        if (token.Length > MaxTokenBytes) return false;
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(token.Length)];
        var length = Encoding.UTF8.GetBytes(token, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        key = new TokenKey(BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]), BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]));
        return true;
    }

    /// <summary>The entry for <paramref name="key"/> unless a write on this node voided it; freshness is the caller's check.</summary>
    public Entry? Find(TokenKey key) =>
        _entries.TryGetValue(key, out var entry) && !entry.Stamp.Voided ? entry : null;

    /// <summary>Keeps <paramref name="caller"/>, read at <paramref name="readAt"/>, unless a write was reported since <paramref name="generation"/>.</summary>
    public void Put(TokenKey key, AuthenticatedSession caller, DateTime readAt, DateTime tokenExpiresAt, long generation)
    {
        if (!Enabled) return;
        if (_entries.Count >= MaxEntries) Trim(readAt);
        var entry = new Entry(caller, readAt, tokenExpiresAt, _stamps.GetOrAdd(caller.User.Id, static _ => new Stamp()));
        _entries[key] = entry;
        // Added first, checked second: a write reported before this check voids the entry here, one reported
        // after it finds the entry through its stamp. Either way no reader keeps the row from before the write.
        if (Generation != generation) _entries.TryRemove(new KeyValuePair<TokenKey, Entry>(key, entry));
    }

    public void UsersChanged(IReadOnlyCollection<string> userIds)
    {
        Interlocked.Increment(ref _generation);
        foreach (var id in userIds)
            if (_stamps.TryRemove(id, out var stamp)) stamp.Voided = true;
    }

    /// <summary>Reports a change made with ExecuteUpdate: now, and once more when <paramref name="db"/>'s transaction commits.</summary>
    public void UserChanged(AuthDbContext db, string userId)
    {
        UsersChanged([userId]);
        if (db.Database.CurrentTransaction is not null) db.NoteUserWrite(userId);
    }

    private void Trim(DateTime now)
    {
        foreach (var (key, old) in _entries)
            if (now - old.ReadAt >= IdleEntryAge) _entries.TryRemove(new KeyValuePair<TokenKey, Entry>(key, old));
        if (_entries.Count >= MaxEntries * 9 / 10) Reset();
    }

    private void Reset()
    {
        Interlocked.Increment(ref _generation);
        foreach (var stamp in _stamps.Values) stamp.Voided = true;
        _stamps.Clear();
        _entries.Clear();
    }

    public readonly record struct TokenKey(ulong A, ulong B, ulong C, ulong D);

    /// <summary>A checked session and when its rows were read.</summary>
    public sealed record Entry(AuthenticatedSession Caller, DateTime ReadAt, DateTime TokenExpiresAt, Stamp Stamp);

    /// <summary>Shared by a user's entries; voided (and replaced) when that user's rows change on this node.</summary>
    public sealed class Stamp
    {
        private volatile bool _voided;

        public bool Voided { get => _voided; set => _voided = value; }
    }
}
