using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record ResetPasswordCommand(string? AccessToken, string? NewPassword);

/// <summary>
/// POST /auth/reset-pwd: redeems the access token a reset link's verify issued (action reset-pwd, and
/// only that) and sets the new password; every session of the user ends.
/// </summary>
public sealed class ResetPassword(
    IDbContextFactory<AuthDbContext> dbFactory, LocalAccounts accounts, AccessTokenService accessTokens, SessionService sessions)
{
    public async Task<Result<Unit>> ExecuteAsync(ResetPasswordCommand command, CancellationToken ct = default)
    {
        // The policy first, so a weak password does not burn the single-use token.
        if (accounts.CheckPolicy(command.NewPassword, "newPassword") is { } weak) return weak;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var redeemed = await accessTokens.RedeemForActionAsync(db, command.AccessToken, AccessTokenService.RestrictedAction, ct);
        if (!redeemed.IsSuccess) return redeemed.Error;

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == redeemed.Value, ct);
        if (user is null) return new AuthError(AuthErrors.UserNotFound, "The user of this access token no longer exists.");
        await SetPasswordAsync(db, user, command.NewPassword!, accounts, sessions, ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }

    /// <summary>
    /// Stores the new hash, clears the lockout, voids every other reset link, code and reset access token, and
    /// ends all of the user's sessions (shared with the SMS reset; the caller holds the transaction).
    /// </summary>
    internal static async Task SetPasswordAsync(
        AuthDbContext db, Data.Entities.User user, string password, LocalAccounts accounts, SessionService sessions, CancellationToken ct)
    {
        user.PasswordHash = accounts.Hasher.Hash(password);
        accounts.Activity.Add(db, EventTypes.PasswordReset, user.Id);
        await db.SaveChangesAsync(ct);
        // The counters only ever change in single UPDATEs (PasswordGate); the tracked values may be stale.
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignInCount, 0).SetProperty(u => u.LockoutEndsAt, (DateTime?)null), ct);
        await OutstandingTokens.VoidResetsAsync(db, user.Id, accounts.Now(), ct);
        await sessions.RevokeAllAsync(db, user.Id, keepSessionId: null, ct);
    }
}
