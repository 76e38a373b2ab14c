using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Tokens;

/// <summary>
/// Voids a user's one-time tokens that a later event makes stale. Each is one UPDATE marking them consumed,
/// so it runs inside the caller's transaction and races no redeem (that is a conditional UPDATE too).
/// </summary>
public static class OutstandingTokens
{
    /// <summary>The purposes whose tokens can set a new password.</summary>
    public static bool IsReset(string purpose) => purpose is TokenPurposes.ResetPassword or TokenPurposes.ResetPasswordCode;

    /// <summary>
    /// Reset links, reset codes and the access tokens verify minted from reset links: a newer reset request
    /// or any password change makes them all stale (the old link may sit in a mailbox someone else reads).
    /// </summary>
    public static Task<int> VoidResetsAsync(AuthDbContext db, string userId, DateTime now, CancellationToken ct) =>
        db.OneTimeTokens
            .Where(t => t.UserId == userId && t.ConsumedAt == null &&
                (t.Purpose == TokenPurposes.ResetPassword || t.Purpose == TokenPurposes.ResetPasswordCode ||
                 (t.Purpose == TokenPurposes.AccessToken && t.Data == AccessTokenService.RestrictedAction)))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);

    /// <summary>Every link, code and access token of the user (disable and enable).</summary>
    public static Task<int> VoidAllAsync(AuthDbContext db, string userId, DateTime now, CancellationToken ct) =>
        db.OneTimeTokens
            .Where(t => t.UserId == userId && t.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);
}
