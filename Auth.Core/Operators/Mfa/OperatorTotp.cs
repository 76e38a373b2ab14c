using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Operators.Mfa;

public sealed record OperatorTotpStatus(bool Enrolled, DateTime? ConfirmedAt, DateTime? LastUsedAt, int RecoveryCodesLeft);

/// <summary>
/// An operator's own authenticator app: enrol (secret and QR shown once, confirmed with a code, then ten recovery codes
/// shown once), replace the recovery codes or remove the factor (both with the password or a current code), and an
/// Owner's reset of someone else's. The checks are the users' (<see cref="TotpFactors"/>, <see cref="TotpSecrets"/>).
/// </summary>
public sealed class OperatorTotp(
    IDbContextFactory<AuthDbContext> dbFactory, TotpSecrets secrets, TotpFactors factors, OperatorSecondFactor secondFactor,
    PasswordGate gate, ActivityRecorder activity, TimeProvider time)
{
    public const string Issuer = "Auth Studio";

    public async Task<OperatorTotpStatus> StatusAsync(string operatorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var factor = await OperatorSecondFactor.ConfirmedAsync(db, operatorId, ct);
        var left = factor is null ? 0 : await db.OperatorRecoveryCodes.CountAsync(c => c.OperatorId == operatorId && c.UsedAt == null, ct);
        return new OperatorTotpStatus(factor is not null, factor?.ConfirmedAt, factor?.LastUsedAt, left);
    }

    /// <summary>The operators that have a confirmed factor, for the Operators page.</summary>
    public async Task<IReadOnlySet<string>> EnrolledOperatorIdsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.OperatorMfaFactors.Where(f => f.ConfirmedAt != null).Select(f => f.OperatorId).ToListAsync(ct)).ToHashSet();
    }

    public async Task<Result<TotpEnrollmentStarted>> StartAsync(string operatorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var op = await db.Operators.AsNoTracking().SingleOrDefaultAsync(o => o.Id == operatorId, ct);
        if (op is null) return new AuthError(AuthErrors.Unauthorized, "The operator no longer exists.");
        if (await OperatorSecondFactor.HasFactorAsync(db, operatorId, ct)) return MfaErrors.AlreadyEnrolled();

        // One enrolment in progress at a time: an abandoned one is replaced, never confirmed later by surprise.
        await db.OperatorMfaFactors.Where(f => f.OperatorId == operatorId && f.ConfirmedAt == null).ExecuteDeleteAsync(ct);
        var secret = TotpCodes.NewSecret();
        var factor = new OperatorMfaFactor
        {
            Id = TokenHashing.RandomHex(16),
            OperatorId = operatorId,
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.OperatorMfaFactors.Add(factor);
        await db.SaveChangesAsync(ct);

        var base32 = TotpCodes.Base32(secret);
        var uri = TotpEnrollmentUri.Build(Issuer, op.Email, base32);
        return new TotpEnrollmentStarted(factor.Id, base32, uri, TotpEnrollmentUri.QrCodeSvg(uri));
    }

    /// <summary>Confirms with a code from the app (a wrong one counts toward the lockout); returns the recovery codes, shown once.</summary>
    public async Task<Result<IReadOnlyList<string>>> ConfirmAsync(string operatorId, string? factorId, string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(factorId)) return AuthError.Validation("factorId", "The factor id is required.");
        if (string.IsNullOrWhiteSpace(code)) return AuthError.Validation("code", "The code is required.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var factor = await db.OperatorMfaFactors.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == factorId && f.OperatorId == operatorId && f.ConfirmedAt == null, ct);
        if (factor is null) return MfaErrors.FactorNotFound();
        if (factors.CheckReadable(factor) is { } unreadable) return unreadable;

        var failure = await gate.CheckCodeAsync(db.Operators, operatorId, () => factors.UseAsync(db.OperatorMfaFactors, factor, code, confirm: true),
            OperatorService.LockoutThreshold, OperatorService.LockoutDuration, ct);
        if (failure is not null) return failure;

        var codes = await secondFactor.ReplaceRecoveryCodesAsync(db, operatorId);
        activity.Add(db, EventTypes.OperatorMfaEnrolled, null, new EventDetail { OperatorId = operatorId }, actor: Actor.Operator(operatorId));
        await db.SaveChangesAsync(CancellationToken.None);
        return Result<IReadOnlyList<string>>.Success(codes);
    }

    public async Task<Result<IReadOnlyList<string>>> ReplaceRecoveryCodesAsync(string operatorId, string? password, string? code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await OperatorSecondFactor.HasFactorAsync(db, operatorId, ct)) return MfaErrors.FactorNotFound();
        if (await ProveAsync(db, operatorId, password, code, ct) is { } failure) return failure;

        var codes = await secondFactor.ReplaceRecoveryCodesAsync(db, operatorId);
        activity.Add(db, EventTypes.OperatorRecoveryCodesReplaced, null, new EventDetail { OperatorId = operatorId }, actor: Actor.Operator(operatorId));
        await db.SaveChangesAsync(CancellationToken.None);
        return Result<IReadOnlyList<string>>.Success(codes);
    }

    public async Task<Result<Unit>> RemoveAsync(string operatorId, string? password, string? code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await OperatorSecondFactor.HasFactorAsync(db, operatorId, ct)) return MfaErrors.FactorNotFound();
        if (await ProveAsync(db, operatorId, password, code, ct) is { } failure) return failure;
        return await DeleteAllAsync(db, operatorId, EventTypes.OperatorMfaRemoved, Actor.Operator(operatorId));
    }

    /// <summary>An Owner's reset of another operator who lost their phone and codes: factor and codes go, recorded as activity.</summary>
    public async Task<Result<Unit>> ResetAsync(string operatorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Operators.AnyAsync(o => o.Id == operatorId, ct)) return new AuthError(AuthErrors.NotFound, "This operator no longer exists.");
        return await DeleteAllAsync(db, operatorId, EventTypes.OperatorMfaReset, Actor.OperatorOrSystem);
    }

    private async Task<Result<Unit>> DeleteAllAsync(AuthDbContext db, string operatorId, string eventType, Actor actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.OperatorMfaFactors.Where(f => f.OperatorId == operatorId).ExecuteDeleteAsync(CancellationToken.None);
        await db.OperatorRecoveryCodes.Where(c => c.OperatorId == operatorId).ExecuteDeleteAsync(CancellationToken.None);
        activity.Add(db, eventType, null, new EventDetail { OperatorId = operatorId }, actor: actor);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return Unit.Value;
    }

    // Either proof goes through the lockout window: a stolen studio session can't guess its way to removing the factor.
    private async Task<AuthError?> ProveAsync(AuthDbContext db, string operatorId, string? password, string? code, CancellationToken ct)
    {
        var byCode = !string.IsNullOrWhiteSpace(code);
        if (byCode == !string.IsNullOrEmpty(password))
            return AuthError.Validation("password", "Give either your password or a current code.");
        if (byCode) return await secondFactor.CheckAsync(db, operatorId, code, null, ct);
        var op = await db.Operators.SingleOrDefaultAsync(o => o.Id == operatorId, ct);
        if (op is null) return new AuthError(AuthErrors.Unauthorized, "The operator no longer exists.");
        return await gate.CheckAsync(db.Operators, op, password!, OperatorService.LockoutThreshold, OperatorService.LockoutDuration, ct);
    }
}
