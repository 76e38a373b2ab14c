using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

/// <summary>
/// The password check every account goes through: lockout after repeated failures, the same cost for
/// unknown accounts, and a rehash when the stored parameters are weaker than today's.
/// <para>
/// The lockout counter is shared by every request for the account, so it only ever changes in single
/// conditional UPDATEs (docs/decisions/0006): an attempt first reserves a slot (count + 1, only while the
/// account is not locked and under the threshold), then hashes; a failure keeps the slot and seals the lock
/// once the count is at the threshold; a success resets the count only while the account is not locked.
/// So no more than <c>threshold</c> passwords are ever checked per lock window, however many arrive at once.
/// The tracked entity's counter fields are never written, so a later SaveChanges can't overwrite them.
/// </para>
/// </summary>
public sealed partial class PasswordGate(PasswordHasher hasher, TimeProvider time)
{
    public PasswordHasher Hasher => hasher;

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="account"/> (null = unknown: still costs one hash),
    /// keeping the counters of the row in <paramref name="accounts"/>. Null when the password is right.
    /// </summary>
    /// <remarks>
    /// With <paramref name="secondStepFollows"/>, a right password neither resets the count nor keeps its slot: the slot is
    /// given back, and only the second step's outcome (<see cref="CheckCodeAsync"/>) resets or counts. Otherwise whoever
    /// knows the password could reset the count between wrong codes and guess codes for ever.
    /// </remarks>
    public async Task<AuthError?> CheckAsync<T>(
        DbSet<T> accounts, T? account, string password, int lockoutThreshold, TimeSpan lockoutDuration, CancellationToken ct,
        bool secondStepFollows = false)
        where T : class, IPasswordAccount
    {
        if (account?.PasswordHash is null)
        {
            // The statements of a wrong password, on no row: neither the time taken nor the database's work tells an
            // unknown account from a known one (enumeration protection relies on it).
            await ReserveAsync(accounts, "", lockoutThreshold, Now(), ct);
            hasher.VerifyDummy(password);
            await SealAsync(accounts, "", lockoutThreshold, Now() + lockoutDuration, CancellationToken.None);
            return InvalidCredentials();
        }

        var id = account.Id;
        var now = Now();
        var reserved = await ReserveAsync(accounts, id, lockoutThreshold, now, ct);
        if (reserved == 0)
        {
            // Locked, or a full window without a lock: threshold attempts still hashing (or ones that died mid-way).
            // The answer is the same 429 either way, so checking this password reveals nothing; only a wrong one seals
            // the lock. Parallel sign-ins with the right password (an app retrying, several tabs) must not lock their
            // owner out. A window left full by a crash is sealed by the hourly sweep (SealStuckAsync).
            if (hasher.Verify(account.PasswordHash, password) == PasswordVerification.Failed)
                await SealAsync(accounts, id, lockoutThreshold, Now() + lockoutDuration, CancellationToken.None);
            return await LockedAsync(accounts, id, lockoutDuration);
        }

        var outcome = hasher.Verify(account.PasswordHash, password);
        // The attempt is counted already; what follows must run even if the caller has gone.
        if (outcome == PasswordVerification.Failed)
        {
            var failedAt = Now();
            await SealAsync(accounts, id, lockoutThreshold, failedAt + lockoutDuration, CancellationToken.None);
            return InvalidCredentials();
        }

        var at = Now();
        var newHash = outcome == PasswordVerification.SuccessRehashNeeded ? hasher.Hash(password) : null;
        var verifiedHash = account.PasswordHash;
        var unlocked = accounts.Where(a => a.Id == id && (a.LockoutEndsAt == null || a.LockoutEndsAt <= at));
        if (secondStepFollows) return await ReleaseAsync(accounts, id, newHash, lockoutDuration);
        var reset = newHash is null
            ? await unlocked.ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FailedSignInCount, 0)
                .SetProperty(a => a.LockoutEndsAt, (DateTime?)null), CancellationToken.None)
            : await unlocked.ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FailedSignInCount, 0)
                .SetProperty(a => a.LockoutEndsAt, (DateTime?)null)
                // Only over the hash this attempt verified: of parallel first sign-ins after an import (ADR 0020) one
                // replaces it, the others leave the new one alone; a password changed meanwhile is never undone.
                .SetProperty(a => a.PasswordHash, a => a.PasswordHash == verifiedHash ? newHash : a.PasswordHash), CancellationToken.None);
        // The threshold was reached by other attempts while this one was hashing: the lock wins.
        return reset == 1 ? null : await LockedAsync(accounts, id, lockoutDuration);
    }

    public static AuthError InvalidCredentials() => new(AuthErrors.InvalidCredentials, "The credentials are not valid.");

    /// <summary>
    /// The one place the lockout refusal is built, so a policy on what a locked account may reveal
    /// (enumeration protection, the neutral operator answer) applies to every caller alike.
    /// </summary>
    public static AuthError Locked(int retryAfterSeconds) =>
        new(AuthErrors.RateLimitExceeded, "Too many failed sign-ins; try again later.") { RetryAfterSeconds = Math.Max(1, retryAfterSeconds) };

    /// <summary>
    /// Seals windows left full without a lock (a process that died while hashing): the hourly sweep calls it, so such an
    /// account is locked for the usual time and then free, never refused for ever.
    /// </summary>
    public static Task<int> SealStuckAsync<T>(DbSet<T> accounts, int threshold, DateTime until, CancellationToken ct)
        where T : class, IPasswordAccount =>
        StuckWindows(accounts, threshold).ExecuteUpdateAsync(s => s.SetProperty(a => a.LockoutEndsAt, until), ct);

    /// <summary>Full windows without a lock; a seek of the failure-count index, never a walk of every account.</summary>
    public static IQueryable<T> StuckWindows<T>(IQueryable<T> accounts, int threshold) where T : class, IPasswordAccount =>
        accounts.Where(a => a.LockoutEndsAt == null && a.FailedSignInCount >= threshold);

    /// <summary>Every slot of the window is taken by attempts still being checked: try again in a moment.</summary>
    public static AuthError Busy() =>
        new(AuthErrors.RateLimitExceeded, "Too many sign-in attempts at once; try again in a moment.") { RetryAfterSeconds = 1 };

    // Reserve: an expired lock starts a new window at 1; a live lock or a full window reserves nothing.
    private static Task<int> ReserveAsync<T>(DbSet<T> accounts, string id, int threshold, DateTime now, CancellationToken ct)
        where T : class, IPasswordAccount =>
        accounts
            .Where(a => a.Id == id && ((a.LockoutEndsAt == null && a.FailedSignInCount < threshold) || a.LockoutEndsAt <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FailedSignInCount, a => a.LockoutEndsAt == null ? a.FailedSignInCount + 1 : 1)
                .SetProperty(a => a.LockoutEndsAt, (DateTime?)null), ct);

    private static Task<int> SealAsync<T>(DbSet<T> accounts, string id, int threshold, DateTime until, CancellationToken ct)
        where T : class, IPasswordAccount =>
        accounts
            .Where(a => a.Id == id && a.LockoutEndsAt == null && a.FailedSignInCount >= threshold)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockoutEndsAt, until), ct);

    private async Task<AuthError> LockedAsync<T>(DbSet<T> accounts, string id, TimeSpan lockoutDuration)
        where T : class, IPasswordAccount
    {
        var until = await accounts.Where(a => a.Id == id).Select(a => a.LockoutEndsAt).FirstOrDefaultAsync(CancellationToken.None);
        var now = Now();
        // No lock (yet): the window is full of attempts still being checked; it frees up in moments.
        if (until is not { } end || end <= now) return Busy();
        return Locked((int)Math.Ceiling((end - now).TotalSeconds));
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
