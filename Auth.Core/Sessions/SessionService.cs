using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Sessions;

/// <summary>The caller behind a session token.</summary>
public sealed record AuthenticatedSession(User User, Session Session);

/// <summary>Opens, checks and ends sessions. A session is a database row; the JWT only points at it.</summary>
public sealed class SessionService(
    IDbContextFactory<AuthDbContext> dbFactory,
    SessionTokenService tokens,
    ISettingsReader settings,
    TimeProvider time)
{
    // Writing LastSeenAt on every request would turn reads into writes; a minute's precision is plenty.
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Adds a session for <paramref name="user"/> to <paramref name="db"/> and stamps lastLoginAt; the caller saves.</summary>
    public AuthGrant Open(AuthDbContext db, User user, ClientInfo client)
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
        };
        db.Sessions.Add(session);
        user.LastLoginAt = now;
        var token = tokens.Issue(new SessionTokenRequest(user.Id, session.Id, lifetime, TokenTypes.Session));
        return new AuthGrant(user, session, token);
    }

    public async Task<Result<AuthenticatedSession>> AuthenticateAsync(string? token, CancellationToken ct = default)
    {
        var validated = await tokens.ValidateAsync(token, TokenTypes.Session);
        if (!validated.IsSuccess) return validated.Error;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.Sessions
            .Where(s => s.Id == validated.Value.SessionId && s.UserId == validated.Value.UserId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, User = u })
            .SingleOrDefaultAsync(ct);
        if (row is null || row.Session.RevokedAt is not null || row.Session.ExpiresAt <= now || row.User.Disabled)
            return InvalidSession();

        var idle = settings.Current.Settings.Sessions.IdleTimeoutMinutes;
        if (idle is { } minutes && row.Session.LastSeenAt.AddMinutes(minutes) <= now)
            return InvalidSession();

        if (now - row.Session.LastSeenAt >= LastSeenPrecision)
        {
            row.Session.LastSeenAt = now;
            await db.SaveChangesAsync(ct);
        }

        return new AuthenticatedSession(row.User, row.Session);
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

    public async Task RevokeAsync(string sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RevokeWhereAsync(db, db.Sessions.Where(s => s.Id == sessionId), ct);
    }

    /// <summary>Ends every session of the user, except <paramref name="keepSessionId"/> when given.</summary>
    public async Task<int> RevokeAllAsync(string userId, string? keepSessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RevokeAllAsync(db, userId, keepSessionId, ct);
    }

    public Task<int> RevokeAllAsync(AuthDbContext db, string userId, string? keepSessionId, CancellationToken ct = default) =>
        RevokeWhereAsync(db, db.Sessions.Where(s => s.UserId == userId && s.Id != keepSessionId), ct);

    private Task<int> RevokeWhereAsync(AuthDbContext db, IQueryable<Session> sessions, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return sessions.Where(s => s.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }

    private static AuthError InvalidSession() =>
        new(AuthErrors.InvalidSessionToken, "The session token is invalid, expired or signed out.");

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
