using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Mfa;

public sealed record MfaFactorInfo(string Id, string Type, DateTime CreatedAt, DateTime? ConfirmedAt, DateTime? LastUsedAt);

/// <summary>What a signed-in user proves before removing a factor or replacing recovery codes: the password or a current code.</summary>
public sealed record MfaProof(string? Password, string? Code);

/// <summary>Listing and removing a user's factors, and replacing the recovery codes; changes need <see cref="MfaProof"/>.</summary>
public sealed class MfaFactorManagement(
    IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settingsReader, LocalAccounts accounts, TotpFactors factors,
    RecoveryCodes recoveryCodes, PasswordGate gate)
{
    public async Task<IReadOnlyList<MfaFactorInfo>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MfaFactors.AsNoTracking()
            .Where(f => f.UserId == userId && f.ConfirmedAt != null)
            .OrderBy(f => f.ConfirmedAt)
            .Select(f => new MfaFactorInfo(f.Id, f.Type, f.CreatedAt, f.ConfirmedAt, f.LastUsedAt))
            .ToListAsync(ct);
    }

    public async Task<Result<Unit>> RemoveAsync(string userId, string factorId, MfaProof proof, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var factor = await db.MfaFactors.AsNoTracking().SingleOrDefaultAsync(f => f.Id == factorId && f.UserId == userId, ct);
        if (factor is null) return MfaErrors.FactorNotFound();
        if (await ProveAsync(db, userId, proof, ct) is { } failure) return failure;

        await db.MfaFactors.Where(f => f.Id == factorId).ExecuteDeleteAsync(CancellationToken.None);
        // Without a confirmed factor the recovery codes guard nothing; left behind they would outlive a new enrolment's.
        if (await TotpFactors.ConfirmedTypesAsync(db, userId, CancellationToken.None) is { Count: 0 })
            await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(CancellationToken.None);
        return Unit.Value;
    }

    public async Task<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(string userId, MfaProof proof, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await TotpFactors.ConfirmedTotpAsync(db, userId, ct) is null) return MfaErrors.FactorNotFound();
        if (await ProveAsync(db, userId, proof, ct) is { } failure) return failure;

        var codes = await recoveryCodes.ReplaceAsync(db, userId, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        return Result<IReadOnlyList<string>>.Success(codes);
    }

    /// <summary>
    /// Checks <paramref name="proof"/> for the user (null: proven). Either proof goes through the lockout window: a stolen
    /// session cannot guess its way to removing a factor or a passkey.
    /// </summary>
    public async Task<AuthError?> ProveAsync(AuthDbContext db, string userId, MfaProof proof, CancellationToken ct)
    {
        var byCode = !string.IsNullOrWhiteSpace(proof.Code);
        if (byCode == !string.IsNullOrEmpty(proof.Password))
            return AuthError.Validation("password", "Give either the password or a current code.");
        if (!byCode)
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
            return user is null ? MfaErrors.FactorNotFound() : await accounts.CheckPasswordAsync(db, user, proof.Password!, ct);
        }

        if (await TotpFactors.ConfirmedTotpAsync(db, userId, ct) is not { } factor) return MfaErrors.InvalidCode();
        if (factors.CheckReadable(factor) is { } unreadable) return unreadable;
        var security = settingsReader.Current.Settings.Security;
        return await gate.CheckCodeAsync(db.Users, userId, () => factors.UseAsync(db, factor, proof.Code),
            security.LockoutThreshold, TimeSpan.FromMinutes(security.LockoutMinutes), ct);
    }
}
