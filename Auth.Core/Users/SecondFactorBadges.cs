using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users;

/// <summary>
/// Which users of a listed page have a second factor (a confirmed authenticator or a passkey), for the users list's MFA
/// badge: two queries for the whole page, each a seek per id on the tables' user-id indexes, so the cost follows the
/// page size, never the number of users.
/// </summary>
public sealed class SecondFactorBadges(IDbContextFactory<AuthDbContext> dbFactory)
{
    /// <summary>The largest page the users list shows.</summary>
    public const int MaxIds = UserDirectory.MaxPageSize;

    public async Task<IReadOnlySet<string>> WithSecondFactorAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0) return new HashSet<string>();
        if (userIds.Count > MaxIds) throw new ArgumentOutOfRangeException(nameof(userIds), $"At most {MaxIds} ids, one page.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = userIds.Distinct().ToList();
        var result = new HashSet<string>(await TotpUsers(db, ids).ToListAsync(ct), StringComparer.Ordinal);
        result.UnionWith(await PasskeyUsers(db, ids).ToListAsync(ct));
        return result;
    }

    /// <summary>Users among <paramref name="ids"/> with a confirmed authenticator (IX_MfaFactors_UserId_ConfirmedAt).</summary>
    public static IQueryable<string> TotpUsers(AuthDbContext db, List<string> ids) =>
        db.MfaFactors.AsNoTracking().Where(f => ids.Contains(f.UserId) && f.ConfirmedAt != null).Select(f => f.UserId);

    /// <summary>Users among <paramref name="ids"/> with a passkey (IX_Passkeys_UserId_CreatedAt).</summary>
    public static IQueryable<string> PasskeyUsers(AuthDbContext db, List<string> ids) =>
        db.Passkeys.AsNoTracking().Where(p => ids.Contains(p.UserId)).Select(p => p.UserId);
}
