using Auth.Core.Activity;
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
    IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages, SmsCodes codes, SessionService sessions, MfaChallenges challenges,
    ActivityRecorder activity)
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
        // A wrong code names no user: whether the number has an account is not the log's to tell (ADR 0007).
        if (!redeemed.IsSuccess) return await FailedAsync(db, redeemed.Error, null, command.Client, ct);

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == redeemed.Value.UserId && u.Phone == input.Value, ct);
        if (user is null) return await FailedAsync(db, SmsCodes.InvalidCode(), null, command.Client, ct);
        if (user.Disabled) return await FailedAsync(db, SignInErrors.AccountDisabled(), user.Id, command.Client, ct);
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

    /// <summary>The refusal's one write: its event (the error code, never the code typed).</summary>
    private async Task<AuthError> FailedAsync(AuthDbContext db, AuthError error, string? userId, ClientInfo client, CancellationToken ct)
    {
        activity.Add(db, EventTypes.SignInFailed, userId, new EventDetail { Code = error.Code, Method = Amr.Sms }, client);
        await db.SaveChangesAsync(ct);
        return error;
    }
}
