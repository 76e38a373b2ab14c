using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Operators.Mfa;

/// <summary>
/// Checks an operator's authenticator or recovery code with the users' machinery (<see cref="TotpFactors"/>: replay refused by one
/// conditional UPDATE; recovery codes spent by one), inside the operator's lockout window (<see cref="PasswordGate.CheckCodeAsync"/>),
/// so wrong codes lock the operator like wrong passwords do, however many arrive at once.
/// </summary>
public sealed class OperatorSecondFactor(PasswordGate gate, TotpFactors factors, ActivityRecorder activity, TimeProvider time)
{
    public static Task<OperatorMfaFactor?> ConfirmedAsync(AuthDbContext db, string operatorId, CancellationToken ct) =>
        db.OperatorMfaFactors.AsNoTracking().Where(f => f.OperatorId == operatorId && f.ConfirmedAt != null).FirstOrDefaultAsync(ct);

    public static Task<bool> HasFactorAsync(AuthDbContext db, string operatorId, CancellationToken ct) =>
        db.OperatorMfaFactors.AnyAsync(f => f.OperatorId == operatorId && f.ConfirmedAt != null, ct);

    /// <summary>Null when <paramref name="code"/> (or else <paramref name="recoveryCode"/>) is right; failures are recorded as activity.</summary>
    public async Task<AuthError?> CheckAsync(AuthDbContext db, string operatorId, string? code, string? recoveryCode, CancellationToken ct)
    {
        var byCode = !string.IsNullOrWhiteSpace(code);
        if (byCode == !string.IsNullOrWhiteSpace(recoveryCode))
            return AuthError.Validation("code", "Give either a code from the authenticator app or a recovery code.");
        var factor = await ConfirmedAsync(db, operatorId, ct);
        if (factor is null) return MfaErrors.InvalidCode();
        if (byCode && factors.CheckReadable(factor) is { } unreadable) return unreadable;

        var failure = await gate.CheckCodeAsync(db.Operators, operatorId,
            () => byCode ? factors.UseAsync(db.OperatorMfaFactors, factor, code) : UseRecoveryCodeAsync(db, operatorId, recoveryCode!),
            OperatorService.LockoutThreshold, OperatorService.LockoutDuration, ct);
        if (failure is not null)
            activity.Add(db, EventTypes.OperatorMfaFailed, null, new EventDetail { OperatorId = operatorId, Code = failure.Code }, actor: Actor.Operator(operatorId));
        else if (!byCode)
            activity.Add(db, EventTypes.OperatorRecoveryCodeUsed, null, new EventDetail { OperatorId = operatorId }, actor: Actor.Operator(operatorId));
        if (failure is not null || !byCode) await db.SaveChangesAsync(CancellationToken.None);
        return failure;
    }

    /// <summary>Replaces the operator's recovery codes with a fresh set (hashes only are kept); the caller saves.</summary>
    public async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(AuthDbContext db, string operatorId)
    {
        await db.OperatorRecoveryCodes.Where(c => c.OperatorId == operatorId).ExecuteDeleteAsync(CancellationToken.None);
        var now = time.GetUtcNow().UtcDateTime;
        var codes = RecoveryCodes.NewSet();
        foreach (var c in codes)
            db.OperatorRecoveryCodes.Add(new OperatorRecoveryCode
            {
                Id = Tokens.TokenHashing.RandomHex(16), OperatorId = operatorId, CodeHash = RecoveryCodes.Hash(c), CreatedAt = now,
            });
        return codes;
    }

    // One conditional UPDATE: two requests racing with the same code can't both spend it.
    private async Task<AuthError?> UseRecoveryCodeAsync(AuthDbContext db, string operatorId, string code)
    {
        var hash = RecoveryCodes.Hash(code);
        var now = time.GetUtcNow().UtcDateTime;
        var used = await db.OperatorRecoveryCodes
            .Where(c => c.OperatorId == operatorId && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), CancellationToken.None);
        return used == 1 ? null : MfaErrors.InvalidCode();
    }
}
