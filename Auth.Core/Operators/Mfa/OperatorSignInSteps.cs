using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Operators.Mfa;

/// <summary>After the password: signed in (<see cref="Operator"/>, perhaps limited to enrolling), or a second step (<see cref="PendingToken"/>).</summary>
public sealed record OperatorFirstStep(Operator? Operator, string? PendingToken, bool MustEnrol);

/// <summary>
/// Operator sign-in in two steps (ADR 0021). The studio: the password gives a pending token (256 random bits, stored hashed
/// in <c>OneTimeTokens</c> with the operator's id, 5 minutes, spent by one conditional UPDATE and only by a right code),
/// which authorises nothing but the second step. The management API: password and code in one request.
/// </summary>
public sealed class OperatorSignInSteps(
    IDbContextFactory<AuthDbContext> dbFactory, OperatorService operators, OperatorSecondFactor secondFactor, TimeProvider time)
{
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    public async Task<Result<OperatorFirstStep>> BeginAsync(string? email, string? password, CancellationToken ct = default)
    {
        var step = await operators.CheckPasswordAsync(email, password, ct);
        if (!step.IsSuccess) return step.Error;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!step.Value.SecondStepNeeded)
            return new OperatorFirstStep(step.Value.Operator, null, await OperatorMfaPolicy.RequireTotpAsync(db, ct));

        var token = "opmfa-" + TokenHashing.RandomHex(32);
        var now = time.GetUtcNow().UtcDateTime;
        db.OneTimeTokens.Add(new OneTimeToken
        {
            Id = TokenHashing.RandomHex(16),
            Purpose = TokenPurposes.OperatorSecondStep,
            TokenHash = TokenHashing.Hash(token),
            Data = step.Value.Operator.Id,
            CreatedAt = now,
            ExpiresAt = now + PendingLifetime,
        });
        await db.SaveChangesAsync(CancellationToken.None);
        return new OperatorFirstStep(null, token, false);
    }

    /// <summary>The studio's second step; the pending token is spent only by a right code, so a typo can be retried while it lasts.</summary>
    public async Task<Result<Operator>> CompleteAsync(string? pendingToken, string? code, string? recoveryCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(pendingToken)) return MfaErrors.InvalidToken();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = TokenHashing.Hash(pendingToken);
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.OneTimeTokens.AsNoTracking().SingleOrDefaultAsync(
            t => t.TokenHash == hash && t.Purpose == TokenPurposes.OperatorSecondStep && t.ConsumedAt == null && t.ExpiresAt > now, ct);
        var op = pending?.Data is { } id ? await db.Operators.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) : null;
        if (op is null) return MfaErrors.InvalidToken();

        if (await secondFactor.CheckAsync(db, op.Id, code, recoveryCode, ct) is { } failure) return failure;
        var at = time.GetUtcNow().UtcDateTime;
        var spent = await db.OneTimeTokens
            .Where(t => t.Id == pending!.Id && t.ConsumedAt == null && t.ExpiresAt > at)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, at), CancellationToken.None);
        if (spent == 0) return MfaErrors.InvalidToken();
        await operators.RecordSignInAsync(db, op, CancellationToken.None);
        return op;
    }

    /// <summary>
    /// A management-API token: the password, then (for an operator with a factor) the code or a recovery code in the same
    /// request. Without one: <c>mfa_required</c>, nothing issued. Under the Owner's policy an operator without a factor is
    /// refused (<c>mfa_enrollment_required</c>): they enrol in the studio first.
    /// </summary>
    public async Task<Result<string>> TokenAsync(string? email, string? password, string? code, string? recoveryCode, CancellationToken ct = default)
    {
        var step = await operators.CheckPasswordAsync(email, password, ct);
        if (!step.IsSuccess) return step.Error;
        var op = step.Value.Operator;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!step.Value.SecondStepNeeded)
        {
            return await OperatorMfaPolicy.RequireTotpAsync(db, ct)
                ? new AuthError(AuthErrors.MfaEnrollmentRequired, "Every operator needs an authenticator app: set one up in the studio (You → Two-step sign-in) first.")
                : operators.IssueToken(op);
        }
        if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(recoveryCode))
            return new AuthError(AuthErrors.MfaRequired, "Send the code from your authenticator app as code (or a recovery code as recoveryCode).",
                new Dictionary<string, object?> { ["factors"] = new[] { MfaFactor.Totp } });
        if (await secondFactor.CheckAsync(db, op.Id, code, recoveryCode, ct) is { } failure) return failure;
        await operators.RecordSignInAsync(db, op, CancellationToken.None);
        return operators.IssueToken(op);
    }
}
