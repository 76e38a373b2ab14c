using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Mfa;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Passkeys;

/// <summary>
/// A user's passkeys: list and remove, by the user themself or an operator. Allowed while passkeys are disabled, so
/// users can clean up. The user proves the removal like a factor's (<see cref="MfaProof"/>: the password or a current
/// authenticator code, ADR 0015): a stolen session alone cannot strip the account of its passkeys.
/// </summary>
public sealed class PasskeyManagement(IDbContextFactory<AuthDbContext> dbFactory, MfaFactorManagement factors, ActivityRecorder activity)
{
    public async Task<IReadOnlyList<PasskeyInfo>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Passkeys.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        return rows.Select(PasskeyInfo.From).ToList();
    }

    /// <summary>The user's own removal: the passkey must be theirs, then the proof is checked.</summary>
    public async Task<Result<Unit>> RemoveAsync(string userId, string? id, MfaProof proof, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(id)) return PasskeyErrors.NotFound();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Passkeys.AnyAsync(p => p.Id == id && p.UserId == userId, ct)) return PasskeyErrors.NotFound();
        if (await factors.ProveAsync(db, userId, proof, ct) is { } failure) return failure;
        return await DeleteAsync(db, userId, id, CancellationToken.None);
    }

    /// <summary>An operator's removal (studio, management API): recorded with the operator as the actor.</summary>
    public async Task<Result<Unit>> RemoveByOperatorAsync(string userId, string? id, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(id)) return PasskeyErrors.NotFound();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DeleteAsync(db, userId, id, ct);
    }

    // The delete and its event commit together; of two racing removals only the one that deleted the row records it.
    private async Task<Result<Unit>> DeleteAsync(AuthDbContext db, string userId, string id, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Passkeys.Where(p => p.Id == id && p.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed != 1) return PasskeyErrors.NotFound();
        activity.Add(db, EventTypes.PasskeyRemoved, userId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}
