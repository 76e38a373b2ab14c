using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Mfa;

public sealed record TotpEnrollmentStarted(string FactorId, string Secret, string OtpauthUrl, string QrCodeSvg);

/// <summary>
/// Enrolment of an authenticator app: <see cref="StartAsync"/> makes an unconfirmed factor and shows its secret once;
/// <see cref="ConfirmAsync"/> takes a code from the app, confirms the factor and hands out the recovery codes.
/// </summary>
public sealed class TotpEnrollment(
    IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settingsReader, TotpSecrets secrets, TotpFactors factors,
    RecoveryCodes recoveryCodes, PasswordGate gate, TimeProvider time)
{
    public async Task<Result<TotpEnrollmentStarted>> StartAsync(string userId, CancellationToken ct = default)
    {
        var settings = settingsReader.Current.Settings;
        if (!settings.Mfa.Enabled) return MfaErrors.Disabled();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return new AuthError(AuthErrors.UserNotFound, "The user no longer exists.");
        if (await TotpFactors.ConfirmedTotpAsync(db, userId, ct) is not null) return MfaErrors.AlreadyEnrolled();

        // One enrolment in progress at a time: an abandoned one is replaced, never confirmed later by surprise.
        await db.MfaFactors.Where(f => f.UserId == userId && f.ConfirmedAt == null).ExecuteDeleteAsync(ct);
        var secret = TotpCodes.NewSecret();
        var factor = new MfaFactor
        {
            Id = TokenHashing.RandomHex(16),
            UserId = userId,
            Type = MfaFactor.Totp,
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.MfaFactors.Add(factor);
        await db.SaveChangesAsync(ct);

        var base32 = TotpCodes.Base32(secret);
        var uri = TotpEnrollmentUri.Build(MfaSettings.IssuerFor(settings), user.Email ?? user.Phone ?? user.Id, base32);
        return new TotpEnrollmentStarted(factor.Id, base32, uri, TotpEnrollmentUri.QrCodeSvg(uri));
    }

    /// <summary>A wrong code counts toward the account lockout like a wrong password.</summary>
    public async Task<Result<IReadOnlyList<string>>> ConfirmAsync(string userId, string? factorId, string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(factorId)) return AuthError.Validation("factorId", "The factor id is required.");
        if (string.IsNullOrWhiteSpace(code)) return AuthError.Validation("code", "The code is required.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var factor = await db.MfaFactors.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == factorId && f.UserId == userId && f.ConfirmedAt == null, ct);
        if (factor is null) return MfaErrors.FactorNotFound();
        if (factors.CheckReadable(factor) is { } unreadable) return unreadable;

        var security = settingsReader.Current.Settings.Security;
        var failure = await gate.CheckCodeAsync(db.Users, userId, () => factors.UseAsync(db, factor, code, confirm: true),
            security.LockoutThreshold, TimeSpan.FromMinutes(security.LockoutMinutes), ct);
        if (failure is not null) return failure;

        var codes = await recoveryCodes.ReplaceAsync(db, userId, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        return Result<IReadOnlyList<string>>.Success(codes);
    }
}
