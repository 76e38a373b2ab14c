using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// The password half shared by e-mail and phone sign-in, with the published lockout and length
/// policy. Callers decide what identifies the user and what "verified" means.
/// </summary>
public sealed class LocalAccounts(PasswordGate gate, ISettingsReader settings, TimeProvider time, ActivityRecorder activity)
{
    public PasswordHasher Hasher => gate.Hasher;

    /// <summary>The activity log the account flows write to, in their own transaction.</summary>
    public ActivityRecorder Activity => activity;

    public DateTime Now() => time.GetUtcNow().UtcDateTime;

    /// <summary>Checks a password against <paramref name="user"/> (null = unknown: still costs one hash); the counters change in the database, not on <paramref name="user"/>.</summary>
    public async Task<AuthError?> CheckPasswordAsync(AuthDbContext db, User? user, string password, CancellationToken ct)
    {
        if (user is { PasswordHash: null })
        {
            gate.Hasher.VerifyDummy(password);
            return SignInErrors.NoPassword(user);
        }

        var security = settings.Current.Settings.Security;
        return await gate.CheckAsync(db.Users, user, password, security.LockoutThreshold, TimeSpan.FromMinutes(security.LockoutMinutes), ct);
    }

    /// <summary>Validates a new password against the published policy (before any hashing).</summary>
    public AuthError? CheckPolicy(string? password, string field = "password")
    {
        var security = settings.Current.Settings.Security;
        return PasswordPolicy.Check(password, security.PasswordMinLength, security.PasswordMaxLength, field);
    }

    public static AuthError InvalidCredentials() => PasswordGate.InvalidCredentials();

    /// <summary>True when a unique index rejected the insert (a racing duplicate sign-up).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message is { } m &&
        (m.Contains("UNIQUE constraint failed", StringComparison.Ordinal) || m.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));
}
