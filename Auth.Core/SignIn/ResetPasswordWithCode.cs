using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record ResetPasswordWithCodeCommand(string? Phone, string? Code, string? NewPassword);

/// <summary>POST /auth/reset-pwd-code: a reset code and a new password; every session of the user ends.</summary>
public sealed class ResetPasswordWithCode(
    IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages, SmsCodes codes, LocalAccounts accounts, SessionService sessions)
{
    private static readonly string[] Purposes = [TokenPurposes.ResetPasswordCode];

    public async Task<Result<Unit>> ExecuteAsync(ResetPasswordWithCodeCommand command, CancellationToken ct = default)
    {
        var input = PhoneCodeInput.CheckCodeInput(messages.Settings, command.Phone, command.Code);
        if (!input.IsSuccess) return input.Error;
        if (accounts.CheckPolicy(command.NewPassword, "newPassword") is { } weak) return weak;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var redeemed = await codes.RedeemAsync(db, Purposes, input.Value, command.Code, ct);
        if (!redeemed.IsSuccess) return redeemed.Error;

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == redeemed.Value.UserId && u.Phone == input.Value, ct);
        if (user is null) return SmsCodes.InvalidCode();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.PhoneVerified = true; // the code reached the phone: possession is proven
        await ResetPassword.SetPasswordAsync(db, user, command.NewPassword!, accounts, sessions, ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}
