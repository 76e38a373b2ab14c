using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Sessions;

/// <summary>The caller behind a session token.</summary>
public sealed record AuthenticatedSession(User User, Session Session);

/// <summary>A session re-issued after it proved another method: its row and a token whose JWT carries the new amr.</summary>
public sealed record RefreshedSession(Session Session, string Token);

/// <summary>Opens, checks and ends sessions. A session is a database row; the JWT only points at it.</summary>
public sealed class SessionService(
    IDbContextFactory<AuthDbContext> dbFactory,
    SessionTokenService tokens,
    SessionCache cache,
    ISettingsReader settings,
    TimeProvider time,
    ActivityRecorder activity)
{
    // Writing LastSeenAt on every request would turn reads into writes; a minute's precision is plenty.
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Adds a session for <paramref name="user"/> to <paramref name="db"/> and stamps lastLoginAt; the caller saves.
    /// <paramref name="amr"/> says how the user proved who they are (space-separated: <c>pwd totp</c>).
    /// </summary>
    public AuthGrant Open(AuthDbContext db, User user, ClientInfo client, string? amr = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromDays(settings.Current.Settings.Sessions.LifetimeDays);
        var session = new Session
        {
            Id = TokenHashing.RandomHex(16),
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + lifetime,
            UserAgent = Truncate(client.UserAgent, 1024),
            IpAddress = Truncate(client.IpAddress, 64),
            Amr = Truncate(amr, 64),
        };
        db.Sessions.Add(session);
        user.LastLoginAt = now;
        activity.Add(db, EventTypes.SignIn, user.Id, SignInDetail(user, amr), client);
        var token = tokens.Issue(new SessionTokenRequest(user.Id, session.Id, lifetime, TokenTypes.Session, Mfa.Amr.ToRfc8176(session.Amr)));
        return new AuthGrant(user, session, token, EnrollmentOnly(session));
    }

    /// <summary>
    /// With <c>mfa.required</c> on, a session that proved no second factor may only enrol one (ADR 0014); read on
    /// every request, so turning the setting on restricts sessions opened before it too.
    /// </summary>
    public bool EnrollmentOnly(Session session) =>
        settings.Current.Settings.Mfa.Required && !Mfa.Amr.HasSecondFactor(session.Amr);

    /// <summary>
    /// Records that the caller's session proved <paramref name="method"/> (a factor confirmed from it), which lifts
    /// <see cref="EnrollmentOnly"/>, and returns a fresh token whose JWT carries the new amr (null: no such live session).
    /// One conditional UPDATE appends the method, so parallel confirms on one session never lose a value; the session
    /// cache forgets the user at once.
    /// </summary>
    public async Task<RefreshedSession?> AddMethodAsync(string userId, string sessionId, string method, CancellationToken ct = default)
    {
        var padded = " " + method + " ";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // amr is at most 64 characters; every method together stays far below, the length test only guards the column.
        await db.Sessions
            .Where(s => s.Id == sessionId && s.UserId == userId
                && (s.Amr == null || (!(" " + s.Amr + " ").Contains(padded) && s.Amr.Length + method.Length < 64)))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Amr, s => s.Amr == null || s.Amr == "" ? method : s.Amr + " " + method),
                CancellationToken.None);
        cache.UserChanged(db, userId);

        var now = time.GetUtcNow().UtcDateTime;
        var session = await db.Sessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now, CancellationToken.None);
        if (session is null) return null;
        var token = tokens.Issue(new SessionTokenRequest(userId, sessionId, session.ExpiresAt - now, TokenTypes.Session, Mfa.Amr.ToRfc8176(session.Amr)));
        return new RefreshedSession(session, token);
    }

    public async Task<Result<AuthenticatedSession>> AuthenticateAsync(string? token, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        SessionCache.TokenKey key = default;
        var cacheable = cache.Enabled && token is not null && SessionCache.TryKey(token, out key);
        if (cacheable && cache.Find(key) is { } hit && now - hit.ReadAt < SessionCache.Freshness && now < hit.TokenExpiresAt
            && IsLive(hit.Caller.Session, hit.Caller.User, now))
            return hit.Caller;

        var validated = await tokens.ValidateAsync(token, TokenTypes.Session);
        if (!validated.IsSuccess) return validated.Error;

        var generation = cache.Generation;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == validated.Value.SessionId && s.UserId == validated.Value.UserId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, User = u })
            .SingleOrDefaultAsync(ct);
        if (row is null || !IsLive(row.Session, row.User, now))
            return InvalidSession();

        if (now - row.Session.LastSeenAt >= LastSeenPrecision)
        {
            // A plain UPDATE: through the change tracker it would be reported as a write and void the entry below.
            await db.Sessions.Where(s => s.Id == row.Session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
            row.Session.LastSeenAt = now;
        }

        var caller = new AuthenticatedSession(row.User, row.Session);
        if (cacheable) cache.Put(key, caller, now, validated.Value.ExpiresAt.UtcDateTime, generation);
        return caller;
    }

    /// <summary>Not revoked, not expired, not idle for too long, user not disabled: checked on every request, cached or not.</summary>
    private bool IsLive(Session session, User user, DateTime now)
    {
        if (session.RevokedAt is not null || session.ExpiresAt <= now || user.Disabled) return false;
        var idle = settings.Current.Settings.Sessions.IdleTimeoutMinutes;
        return idle is not { } minutes || session.LastSeenAt.AddMinutes(minutes) > now;
    }

    public async Task<IReadOnlyList<Session>> ListActiveAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .ToListAsync(ct);
    }

    public async Task RevokeAsync(string userId, string sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revoked = await RevokeWhereAsync(db, userId, db.Sessions.Where(s => s.Id == sessionId && s.UserId == userId), ct);
        await RecordRevokedAsync(db, userId, revoked, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Ends every session of the user, except <paramref name="keepSessionId"/> when given.</summary>
    public async Task<int> RevokeAllAsync(string userId, string? keepSessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revoked = await RevokeAllAsync(db, userId, keepSessionId, ct);
        await RecordRevokedAsync(db, userId, revoked, ct);
        await transaction.CommitAsync(ct);
        return revoked;
    }

    // Sign-out and revocation on their own; flows that end sessions as part of a change (a new password) record the change.
    private async Task RecordRevokedAsync(AuthDbContext db, string userId, int revoked, CancellationToken ct)
    {
        if (revoked == 0) return;
        activity.Add(db, EventTypes.SessionsRevoked, userId, new EventDetail { Count = revoked });
        await db.SaveChangesAsync(ct);
    }

    private static EventDetail SignInDetail(User user, string? amr) => new()
    {
        Method = amr,
        Provider = amr is not null && amr.Contains(Mfa.Amr.OAuth, StringComparison.Ordinal) ? user.Provider : null,
    };

    public Task<int> RevokeAllAsync(AuthDbContext db, string userId, string? keepSessionId, CancellationToken ct = default) =>
        RevokeWhereAsync(db, userId, db.Sessions.Where(s => s.UserId == userId && s.Id != keepSessionId), ct);

    private async Task<int> RevokeWhereAsync(AuthDbContext db, string userId, IQueryable<Session> sessions, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var revoked = await sessions.Where(s => s.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
        cache.UserChanged(db, userId); // refused on this node from now on, not after the cache's freshness
        return revoked;
    }

    private static AuthError InvalidSession() =>
        new(AuthErrors.InvalidSessionToken, "The session token is invalid, expired or signed out.");

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
