using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// The password half shared by e-mail and phone sign-in: lockout, constant-cost verification,
/// rehash on stronger parameters. Callers decide what identifies the user and what "verified" means.
/// </summary>
public sealed class LocalAccounts(PasswordHasher hasher, ISettingsReader settings, TimeProvider time)
{
    public PasswordHasher Hasher => hasher;

    /// <summary>Checks a password against <paramref name="user"/> (null = unknown: still costs one hash).</summary>
    public async Task<AuthError?> CheckPasswordAsync(AuthDbContext db, User? user, string password, CancellationToken ct)
    {
        var security = settings.Current.Settings.Security;
        var now = time.GetUtcNow().UtcDateTime;
        if (user?.PasswordHash is null)
        {
            hasher.VerifyDummy(password);
            return user is null ? InvalidCredentials() : NotLocal(user);
        }

        if (user.LockoutEndsAt is { } until && until > now)
        {
            hasher.VerifyDummy(password);
            return new AuthError(AuthErrors.RateLimitExceeded, "Too many failed sign-ins; try again later.")
            {
                RetryAfterSeconds = (int)Math.Ceiling((until - now).TotalSeconds),
            };
        }

        var outcome = hasher.Verify(user.PasswordHash, password);
        if (outcome == PasswordVerification.Failed)
        {
            user.FailedSignInCount++;
            if (user.FailedSignInCount >= security.LockoutThreshold)
            {
                user.LockoutEndsAt = now.AddMinutes(security.LockoutMinutes);
                user.FailedSignInCount = 0;
            }
            await db.SaveChangesAsync(ct);
            return InvalidCredentials();
        }

        if (outcome == PasswordVerification.SuccessRehashNeeded) user.PasswordHash = hasher.Hash(password);
        user.FailedSignInCount = 0;
        user.LockoutEndsAt = null;
        return null;
    }

    /// <summary>Validates a new password against the published policy (before any hashing).</summary>
    public AuthError? CheckPolicy(string? password, string field = "password")
    {
        var security = settings.Current.Settings.Security;
        var error = PasswordPolicy.Check(password, security.PasswordMinLength, security.PasswordMaxLength);
        if (error is null || field == "password") return error;
        var message = error.Details?["fields"] is IReadOnlyDictionary<string, string> f && f.TryGetValue("password", out var m) ? m : error.Message;
        return AuthError.Validation(field, message);
    }

    public static AuthError InvalidCredentials() =>
        new(AuthErrors.InvalidCredentials, "The credentials are not valid.");

    private static AuthError NotLocal(User user) =>
        new(AuthErrors.InvalidProviderSignIn, $"This account signs in with {user.Provider}, not with a password.");

    /// <summary>True when a unique index rejected the insert (a racing duplicate sign-up).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message is { } m &&
        (m.Contains("UNIQUE constraint failed", StringComparison.Ordinal) || m.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));
}
