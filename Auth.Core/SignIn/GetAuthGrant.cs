using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Sessions;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>getAuthGrant: trades a one-time <c>at-…</c> token for the user and a new session.</summary>
public sealed class GetAuthGrant(
    IDbContextFactory<AuthDbContext> dbFactory, AccessTokenService accessTokens, SessionService sessions, MfaChallenges challenges)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(string? accessToken, ClientInfo client, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var redeemed = await accessTokens.RedeemAsync(db, accessToken, ct);
        if (!redeemed.IsSuccess) return redeemed.Error;

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == redeemed.Value, ct);
        if (user is null) return new AuthError(AuthErrors.UserNotFound, "The user of this access token no longer exists.");
        if (user.Disabled) return SignInErrors.AccountDisabled();

        // The token's action says how the user got here: an OAuth provider or an e-mailed link.
        var action = await db.OneTimeTokens.Where(t => t.TokenHash == TokenHashing.Hash(accessToken!)).Select(t => t.Data).SingleAsync(ct);
        var amr = Amr.ForAccessTokenAction(action);
        if (await challenges.RequireAsync(db, user, amr, ct) is { } secondStep)
        {
            await db.SaveChangesAsync(ct);
            return secondStep;
        }

        var grant = sessions.Open(db, user, client, amr);
        await db.SaveChangesAsync(ct);
        return grant;
    }
}
