using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.SignIn;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Mfa;

public sealed record MfaVerifyCommand(string? MfaToken, string? Code, string? RecoveryCode, ClientInfo Client);

/// <summary>
/// The second step of a sign-in: the mfaToken from <c>mfa_required</c> and a code (or a recovery code) open the session.
/// A wrong code counts toward the account lockout; the token is spent only by a right one, so a typo can be retried.
/// </summary>
public sealed class MfaVerify(
    IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settingsReader, TotpFactors factors, RecoveryCodes recoveryCodes,
    PasswordGate gate, SessionService sessions, TimeProvider time)
{
    public async Task<Result<AuthGrant>> ExecuteAsync(MfaVerifyCommand command, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(command.MfaToken)) return AuthError.Validation("mfaToken", "The mfaToken is required.");
        var byCode = !string.IsNullOrWhiteSpace(command.Code);
        if (byCode == !string.IsNullOrWhiteSpace(command.RecoveryCode))
            return AuthError.Validation("code", "Give either a code or a recovery code.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = TokenHashing.Hash(command.MfaToken);
        var now = time.GetUtcNow().UtcDateTime;
        var challenge = await db.MfaChallenges.AsNoTracking()
            .SingleOrDefaultAsync(c => c.TokenHash == hash && c.ConsumedAt == null && c.ExpiresAt > now, ct);
        if (challenge is null) return MfaErrors.InvalidToken();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == challenge.UserId, ct);
        if (user is null) return MfaErrors.InvalidToken();
        if (user.Disabled) return SignInErrors.AccountDisabled();

        var factor = byCode ? await TotpFactors.ConfirmedTotpAsync(db, user.Id, ct) : null;
        if (byCode && factor is null) return MfaErrors.InvalidCode();
        if (byCode && factors.CheckReadable(factor!) is { } unreadable) return unreadable;
        var security = settingsReader.Current.Settings.Security;
        var failure = await gate.CheckCodeAsync(db.Users, user.Id,
            () => byCode ? factors.UseAsync(db, factor!, command.Code) : recoveryCodes.UseAsync(db, user.Id, command.RecoveryCode!, ct),
            security.LockoutThreshold, TimeSpan.FromMinutes(security.LockoutMinutes), ct);
        if (failure is not null) return failure;

        // Single use: of two requests racing with one token (each with a right code), one opens a session.
        var at = time.GetUtcNow().UtcDateTime;
        var spent = await db.MfaChallenges
            .Where(c => c.Id == challenge.Id && c.ConsumedAt == null && c.ExpiresAt > at)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, at), CancellationToken.None);
        if (spent == 0) return MfaErrors.InvalidToken();

        var grant = sessions.Open(db, user, command.Client, $"{challenge.FirstFactor} {(byCode ? Amr.Totp : Amr.Recovery)}");
        await db.SaveChangesAsync(CancellationToken.None);
        return grant;
    }
}
