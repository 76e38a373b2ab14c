using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Tokens;

/// <summary>
/// The <c>at-…</c> tokens that getAuthGrant redeems: 160 random bits, stored hashed,
/// single use, expiring after <c>sessions.accessTokenExpiresIn</c> (5 minutes by default).
/// </summary>
public sealed class AccessTokenService(ISettingsReader settings, TimeProvider time)
{
    public const string Prefix = "at-";

    /// <summary>Adds the token row to <paramref name="db"/> (the caller saves, in its own transaction).</summary>
    public string Issue(AuthDbContext db, string userId, string action)
    {
        var token = Prefix + TokenHashing.RandomHex(20);
        var now = time.GetUtcNow().UtcDateTime;
        db.OneTimeTokens.Add(new OneTimeToken
        {
            Id = TokenHashing.RandomHex(16),
            Purpose = TokenPurposes.AccessToken,
            TokenHash = TokenHashing.Hash(token),
            UserId = userId,
            Data = action,
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(settings.Current.Settings.Sessions.AccessTokenExpiresIn),
        });
        return token;
    }

    /// <summary>
    /// Burns the token and returns its user id. One conditional UPDATE decides the winner,
    /// so of many concurrent redemptions exactly one succeeds. Tokens issued for a password reset
    /// are refused here: they only work with <see cref="RedeemForActionAsync"/>.
    /// </summary>
    public Task<Result<string>> RedeemAsync(AuthDbContext db, string? token, CancellationToken ct = default) =>
        RedeemCoreAsync(db, token, t => t.Data == null || t.Data != RestrictedAction, ct);

    /// <summary>Like <see cref="RedeemAsync"/>, for a token issued with exactly <paramref name="action"/>.</summary>
    public Task<Result<string>> RedeemForActionAsync(AuthDbContext db, string? token, string action, CancellationToken ct = default) =>
        RedeemCoreAsync(db, token, t => t.Data == action, ct);

    /// <summary>The action whose tokens grant a password change, not a session.</summary>
    public const string RestrictedAction = "reset-pwd";

    private async Task<Result<string>> RedeemCoreAsync(
        AuthDbContext db, string? token, System.Linq.Expressions.Expression<Func<OneTimeToken, bool>> actionFilter, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
            return new AuthError(AuthErrors.MissingAccessToken, "An access token is required.");
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 128)
            return InvalidToken();

        var hash = TokenHashing.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var burned = await db.OneTimeTokens
            .Where(t => t.TokenHash == hash && t.Purpose == TokenPurposes.AccessToken && t.ConsumedAt == null && t.ExpiresAt > now)
            .Where(actionFilter)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);
        if (burned != 1) return InvalidToken();

        var userId = await db.OneTimeTokens.Where(t => t.TokenHash == hash).Select(t => t.UserId).SingleAsync(ct);
        return userId is null ? InvalidToken() : userId;
    }

    private static AuthError InvalidToken() =>
        new(AuthErrors.InvalidAccessToken, "The access token is invalid, expired or already used.");
}
