using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

public sealed partial class PasswordGate
{
    /// <summary>
    /// A second-factor code goes through the password's lockout window (same reserve, seal and reset statements), so
    /// guessing six digits costs the same slots as guessing a password and 20 parallel guesses check at most
    /// <paramref name="lockoutThreshold"/> codes. <paramref name="check"/> runs only with a reserved slot; it returns
    /// null when the code is right, or the error to answer. Null when the code was accepted.
    /// </summary>
    public async Task<AuthError?> CheckCodeAsync<T>(
        DbSet<T> accounts, string accountId, Func<Task<AuthError?>> check, int lockoutThreshold, TimeSpan lockoutDuration,
        CancellationToken ct)
        where T : class, IPasswordAccount
    {
        var reserved = await ReserveAsync(accounts, accountId, lockoutThreshold, Now(), ct);
        if (reserved == 0) return await LockedAsync(accounts, accountId, lockoutDuration);

        // The attempt is counted already; what follows must run even if the caller has gone.
        var failure = await check();
        if (failure is not null)
        {
            await SealAsync(accounts, accountId, lockoutThreshold, Now() + lockoutDuration, CancellationToken.None);
            return failure;
        }

        var at = Now();
        var reset = await accounts
            .Where(a => a.Id == accountId && (a.LockoutEndsAt == null || a.LockoutEndsAt <= at))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FailedSignInCount, 0)
                .SetProperty(a => a.LockoutEndsAt, (DateTime?)null), CancellationToken.None);
        return reset == 1 ? null : await LockedAsync(accounts, accountId, lockoutDuration);
    }
}

public sealed partial class PasswordGate
{
    // A right first factor of a two-step sign-in: give back the slot it reserved (one statement, only while unlocked).
    private async Task<AuthError?> ReleaseAsync<T>(DbSet<T> accounts, string id, string? newHash, TimeSpan lockoutDuration)
        where T : class, IPasswordAccount
    {
        var at = Now();
        var unlocked = accounts.Where(a => a.Id == id && (a.LockoutEndsAt == null || a.LockoutEndsAt <= at) && a.FailedSignInCount > 0);
        var released = newHash is null
            ? await unlocked.ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignInCount, a => a.FailedSignInCount - 1), CancellationToken.None)
            : await unlocked.ExecuteUpdateAsync(s => s
                .SetProperty(a => a.FailedSignInCount, a => a.FailedSignInCount - 1)
                .SetProperty(a => a.PasswordHash, newHash), CancellationToken.None);
        return released == 1 ? null : await LockedAsync(accounts, id, lockoutDuration);
    }
}
