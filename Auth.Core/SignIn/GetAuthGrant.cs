using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>getAuthGrant: trades a one-time <c>at-…</c> token for the user and a new session.</summary>
public sealed class GetAuthGrant(IDbContextFactory<AuthDbContext> dbFactory, AccessTokenService accessTokens, SessionService sessions)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(string? accessToken, ClientInfo client, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var redeemed = await accessTokens.RedeemAsync(db, accessToken, ct);
        if (!redeemed.IsSuccess) return redeemed.Error;

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == redeemed.Value, ct);
        if (user is null) return new AuthError(AuthErrors.UserNotFound, "The user of this access token no longer exists.");
        if (user.Disabled) return SignInErrors.AccountDisabled();

        var grant = sessions.Open(db, user, client);
        await db.SaveChangesAsync(ct);
        return grant;
    }
}
