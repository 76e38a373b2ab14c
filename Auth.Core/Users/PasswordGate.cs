using Auth.Core.Data.Entities;
using Auth.Core.Errors;

namespace Auth.Core.Users;

/// <summary>
/// The password check every account goes through: lockout after repeated failures, the same cost for
/// unknown accounts, and a rehash when the stored parameters are weaker than today's. It only changes
/// the account's fields; the caller saves them.
/// </summary>
public sealed class PasswordGate(PasswordHasher hasher, TimeProvider time)
{
    public PasswordHasher Hasher => hasher;

    public AuthError? Check(IPasswordAccount? account, string password, int lockoutThreshold, TimeSpan lockoutDuration)
    {
        if (account?.PasswordHash is null)
        {
            hasher.VerifyDummy(password);
            return InvalidCredentials();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (account.LockoutEndsAt is { } until && until > now)
        {
            hasher.VerifyDummy(password);
            return new AuthError(AuthErrors.RateLimitExceeded, "Too many failed sign-ins; try again later.")
            {
                RetryAfterSeconds = (int)Math.Ceiling((until - now).TotalSeconds),
            };
        }

        var outcome = hasher.Verify(account.PasswordHash, password);
        if (outcome == PasswordVerification.Failed)
        {
            if (++account.FailedSignInCount >= lockoutThreshold)
            {
                account.LockoutEndsAt = now + lockoutDuration;
                account.FailedSignInCount = 0;
            }
            return InvalidCredentials();
        }

        if (outcome == PasswordVerification.SuccessRehashNeeded) account.PasswordHash = hasher.Hash(password);
        account.FailedSignInCount = 0;
        account.LockoutEndsAt = null;
        return null;
    }

    public static AuthError InvalidCredentials() => new(AuthErrors.InvalidCredentials, "The credentials are not valid.");
}
