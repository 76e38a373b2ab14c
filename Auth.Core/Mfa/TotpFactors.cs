using System.Security.Cryptography;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Mfa;

/// <summary>Checks and spends authenticator codes against a user's stored factors.</summary>
public sealed class TotpFactors(TotpCodes codes, TotpSecrets secrets, TimeProvider time)
{
    /// <summary>
    /// Accepts <paramref name="code"/> for <paramref name="factor"/> and records its step in one conditional UPDATE
    /// (only a later step than the last one used), so a code works once even when two requests race with it.
    /// With <paramref name="confirm"/>, the same statement confirms the enrolment.
    /// </summary>
    public Task<AuthError?> UseAsync(AuthDbContext db, MfaFactor factor, string? code, bool confirm = false) =>
        UseAsync(db.MfaFactors, factor, code, confirm);

    /// <summary>The same check on any table of factors (users' or operators').</summary>
    public async Task<AuthError?> UseAsync<T>(DbSet<T> table, ITotpFactor factor, string? code, bool confirm = false)
        where T : class, ITotpFactor
    {
        if (Read(factor) is not { } secret) return MfaErrors.Unavailable();
        if (codes.MatchStep(secret, code) is not { } step) return MfaErrors.InvalidCode();
        var now = time.GetUtcNow().UtcDateTime;
        var id = factor.Id;
        var fresh = table.Where(f => f.Id == id && (f.LastUsedStep == null || f.LastUsedStep < step));
        var used = confirm
            ? await fresh.Where(f => f.ConfirmedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.LastUsedStep, step)
                .SetProperty(f => f.LastUsedAt, now)
                .SetProperty(f => f.ConfirmedAt, now), CancellationToken.None)
            : await fresh.Where(f => f.ConfirmedAt != null).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.LastUsedStep, step)
                .SetProperty(f => f.LastUsedAt, now), CancellationToken.None);
        return used == 1 ? null : MfaErrors.InvalidCode();
    }

    /// <summary>
    /// <c>mfa_unavailable</c> when the factor's secret cannot be decrypted (the key ring that protected it is gone). Asked
    /// before a code goes through the lockout window, so an operator's problem does not cost the user attempts.
    /// </summary>
    public AuthError? CheckReadable(ITotpFactor factor) => Read(factor) is null ? MfaErrors.Unavailable() : null;

    private byte[]? Read(ITotpFactor factor)
    {
        try
        {
            return secrets.Unprotect(factor.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The user's confirmed authenticator, if any (at most one: enrolment refuses a second).</summary>
    public static Task<MfaFactor?> ConfirmedTotpAsync(AuthDbContext db, string userId, CancellationToken ct) =>
        db.MfaFactors.AsNoTracking()
            .Where(f => f.UserId == userId && f.ConfirmedAt != null && f.Type == MfaFactor.Totp)
            .OrderBy(f => f.ConfirmedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>The confirmed factor types of a user, for <c>mfa_required</c>'s <c>details.factors</c>; empty means no second step.</summary>
    public static async Task<IReadOnlyList<string>> ConfirmedTypesAsync(AuthDbContext db, string userId, CancellationToken ct) =>
        await db.MfaFactors.Where(f => f.UserId == userId && f.ConfirmedAt != null)
            .Select(f => f.Type).Distinct().ToListAsync(ct);
}
