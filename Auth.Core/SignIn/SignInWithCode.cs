using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Sessions;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record SignInWithCodeCommand(string? Phone, string? Code, ClientInfo Client);

/// <summary>signInWithCode: redeems a signin_sms_code (single use, at most otpMaxAttempts tries, expiring) for a session.</summary>
public sealed class SignInWithCode(
    IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages, SmsCodes codes, SessionService sessions, MfaChallenges challenges)
{
    private static readonly string[] Purposes = [TokenPurposes.SignInCode];

    public async Task<Result<AuthGrant>> ExecuteAsync(SignInWithCodeCommand command, CancellationToken ct = default)
    {
        var settings = messages.Settings;
        if (settings.Phone.Enabled && !settings.Phone.AllowCodeSignIn)
            return new AuthError(AuthErrors.SmsAuthCodesDisabled, "Sign-in with SMS codes is turned off.");
        var input = PhoneCodeInput.CheckCodeInput(settings, command.Phone, command.Code);
        if (!input.IsSuccess) return input.Error;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var redeemed = await codes.RedeemAsync(db, Purposes, input.Value, command.Code, ct);
        if (!redeemed.IsSuccess) return redeemed.Error;

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == redeemed.Value.UserId && u.Phone == input.Value, ct);
        if (user is null) return SmsCodes.InvalidCode();
        if (user.Disabled) return SignInErrors.AccountDisabled();
        if (!user.PhoneVerified)
        {
            // Codes go to verified numbers only; should one reach an unproven account, it proves the number (ADR 0007).
            await SignUpProof.ClaimAsync(db, user, null, sessions, ct);
            user.PhoneVerified = true;
        }

        if (await challenges.RequireAsync(db, user, Amr.Sms, ct) is { } secondStep)
        {
            await db.SaveChangesAsync(ct);
            return secondStep;
        }

        var grant = sessions.Open(db, user, command.Client, Amr.Sms);
        await db.SaveChangesAsync(ct);
        return grant;
    }
}
