using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record VerifyPhoneCommand(string? Phone, string? Code, ClientInfo Client);

/// <summary>
/// POST /auth/verify-phone: redeems a verify_sms_code. A sign-up code marks the phone verified; a
/// change-phone code (sent to the new number) moves the account to that number, verified. Either way
/// the user is signed in, or answered mfa_required when they have a confirmed second factor.
/// </summary>
public sealed class VerifyPhone(
    IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages, SmsCodes codes, SessionService sessions, ActivityRecorder activity,
    Mfa.MfaChallenges challenges)
{
    private static readonly string[] Purposes = [TokenPurposes.VerifyPhone, TokenPurposes.ChangePhone];

    public async Task<Result<AuthGrant>> ExecuteAsync(VerifyPhoneCommand command, CancellationToken ct = default)
    {
        var input = PhoneCodeInput.CheckCodeInput(messages.Settings, command.Phone, command.Code);
        if (!input.IsSuccess) return input.Error;
        var phone = input.Value;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var redeemed = await codes.RedeemAsync(db, Purposes, phone, command.Code, ct);
        if (!redeemed.IsSuccess)
        {
            await transaction.CommitAsync(ct); // wrong tries count even when the answer is an error
            return redeemed.Error;
        }

        var token = redeemed.Value;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, ct);
        if (user is null) return new AuthError(AuthErrors.UserNotFound, "The user of this code no longer exists.");
        if (user.Disabled) return SignInErrors.AccountDisabled();
        if (token.Purpose == TokenPurposes.ChangePhone)
        {
            if (await db.Users.AnyAsync(u => u.Phone == phone && u.Id != user.Id, ct))
                return new AuthError(AuthErrors.PhoneNotUnique, "Another account already uses this phone number.");
            user.Phone = phone;
        }
        else if (user.Phone != phone)
        {
            return SmsCodes.InvalidCode();
        }
        else
        {
            // Only the sign-up's own code keeps an unproven account's password (ADR 0007); a failure below rolls back.
            await SignUpProof.ClaimAsync(db, user, token.Data, sessions, ct);
        }

        if (!user.PhoneVerified || token.Purpose == TokenPurposes.ChangePhone)
            activity.Add(db, EventTypes.PhoneVerified, user.Id, new EventDetail { Channel = Messaging.OutboxChannel.Sms }, command.Client);
        user.PhoneVerified = true;
        // The code proves the phone, one factor: a user with a confirmed second factor gets the second step like any
        // other sign-in, and the number is verified either way.
        var secondStep = await challenges.RequireAsync(db, user, Mfa.Amr.Sms, ct);
        var grant = secondStep is null ? sessions.Open(db, user, command.Client, Mfa.Amr.Sms) : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex))
        {
            return new AuthError(AuthErrors.PhoneNotUnique, "Another account already uses this phone number.");
        }
        await transaction.CommitAsync(ct);
        if (grant is null) return secondStep!;
        return grant;
    }
}
