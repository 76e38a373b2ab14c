using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Operators;

/// <summary>
/// What operators do to operators besides adding and removing: change a role, lift a lockout, change one's own
/// password. Each change is one conditional statement, so concurrent requests can't break the rules (ADR 0017).
/// </summary>
public sealed class OperatorAdministration(IDbContextFactory<AuthDbContext> dbFactory, PasswordGate gate)
{
    /// <summary>Sets the role; demoting the last Owner is refused by the statement itself, not by a prior read.</summary>
    public async Task<Result<Unit>> ChangeRoleAsync(string id, OperatorRole role, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(role)) return AuthError.Validation("role", "The role must be Owner or Support.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Two Owners demoting each other at once: SQLite runs the statements one after the other with the count
        // taken under the write lock, so the second finds no other Owner and changes nothing. Serializable so SQL
        // Server reads the other Owners under a range lock too: under READ COMMITTED both demotions could pass.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var changed = await db.Operators
            .Where(o => o.Id == id && (role == OperatorRole.Owner || db.Operators.Any(x => x.Role == OperatorRole.Owner && x.Id != id)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Role, role), ct);
        await transaction.CommitAsync(ct);
        if (changed == 1) return Unit.Value;
        return await db.Operators.AnyAsync(o => o.Id == id, ct)
            ? new AuthError(AuthErrors.LastOwner, "The last Owner can't become Support; make another operator an Owner first.")
            : new AuthError(AuthErrors.NotFound, "This operator no longer exists.");
    }

    /// <summary>Lifts a lockout at once: the failed-attempt count and its end go back to zero.</summary>
    public async Task<Result<Unit>> UnlockAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Operators.Where(o => o.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.FailedSignInCount, 0).SetProperty(o => o.LockoutEndsAt, (DateTime?)null), ct);
        return changed == 1 ? Unit.Value : new AuthError(AuthErrors.NotFound, "This operator no longer exists.");
    }

    /// <summary>
    /// Changes the signed-in operator's own password. The current one passes the sign-in's lockout gate (a stolen
    /// session can't guess it), the new one the operators' rules; the new security stamp ends every other sign-in.
    /// Returns the new stamp so the caller can re-issue its own cookie or token.
    /// </summary>
    public async Task<Result<string>> ChangePasswordAsync(string id, string? currentPassword, string? newPassword, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(currentPassword)) problems["currentPassword"] = "The current password is required.";
        ValidationFields.Merge(problems, PasswordPolicy.Check(newPassword, OperatorService.MinPasswordLength, OperatorService.MaxPasswordLength, "newPassword"));
        if (problems.Count > 0) return AuthError.Validation(problems);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var op = await db.Operators.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (op is null) return new AuthError(AuthErrors.Unauthorized, "The operator no longer exists.");
        var failure = await gate.CheckAsync(db.Operators, op, currentPassword!, OperatorService.LockoutThreshold, OperatorService.LockoutDuration, ct);
        if (failure is not null) return failure;

        var stamp = OperatorService.NewStamp();
        var hash = gate.Hasher.Hash(newPassword!);
        await db.Operators.Where(o => o.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PasswordHash, hash).SetProperty(o => o.SecurityStamp, stamp), ct);
        return stamp;
    }
}
