using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

public sealed record ChangePasswordCommand(string UserId, string CurrentSessionId, string? CurrentPassword, string? NewPassword);

/// <summary>Re-authenticates with the current password, stores the new hash and ends the user's other sessions.</summary>
public sealed class ChangePassword(IDbContextFactory<AuthDbContext> dbFactory, LocalAccounts accounts, SessionService sessions)
{
    public async Task<Result<Unit>> ExecuteAsync(ChangePasswordCommand command, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(command.CurrentPassword)) problems["currentPassword"] = "The current password is required.";
        ValidationFields.Merge(problems, accounts.CheckPolicy(command.NewPassword, "newPassword"));
        if (problems.Count > 0) return AuthError.Validation(problems);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, ct);
        if (user is null) return new AuthError(AuthErrors.UserNotFound, "The user no longer exists.");
        if (await accounts.CheckPasswordAsync(db, user, command.CurrentPassword!, ct) is { } failure) return failure;

        user.PasswordHash = accounts.Hasher.Hash(command.NewPassword!);
        accounts.Activity.Add(db, EventTypes.PasswordChanged, user.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // A reset link or code sent before the change must not undo it.
        await OutstandingTokens.VoidResetsAsync(db, user.Id, accounts.Now(), ct);
        await sessions.RevokeAllAsync(db, user.Id, command.CurrentSessionId, ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}
