using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Users.Transfer;

/// <summary>The identifiers of a stored user an import row can collide with.</summary>
internal sealed record ExistingUser(string Id, string? NormalizedEmail, string? Phone, string Provider, string ProviderUserId);

/// <summary>
/// The stored users sharing an e-mail, phone, id or provider id with a batch: one query per identifier, each an
/// <c>IN</c> on a unique index, so a batch costs the same at a million users.
/// </summary>
internal static class ExistingUsers
{
    public static async Task<List<ExistingUser>> FindAsync(AuthDbContext db, List<User> batch, CancellationToken ct)
    {
        var emails = batch.Select(u => u.NormalizedEmail).OfType<string>().Distinct().ToList();
        var phones = batch.Select(u => u.Phone).OfType<string>().Distinct().ToList();
        var ids = batch.Select(u => u.Id).Distinct().ToList();
        var found = new List<ExistingUser>();
        var users = db.Users.AsNoTracking();
        if (emails.Count > 0) found.AddRange(await Project(users.Where(u => emails.Contains(u.NormalizedEmail!))).ToListAsync(ct));
        if (phones.Count > 0) found.AddRange(await Project(users.Where(u => phones.Contains(u.Phone!))).ToListAsync(ct));
        found.AddRange(await Project(users.Where(u => ids.Contains(u.Id))).ToListAsync(ct));
        foreach (var group in batch.Where(u => u.Provider != User.LocalProvider).GroupBy(u => u.Provider))
        {
            var provider = group.Key;
            var providerIds = group.Select(u => u.ProviderUserId).Distinct().ToList();
            found.AddRange(await Project(users.Where(u => u.Provider == provider && providerIds.Contains(u.ProviderUserId))).ToListAsync(ct));
        }
        return found.DistinctBy(u => u.Id).ToList();
    }

    private static IQueryable<ExistingUser> Project(IQueryable<User> users) =>
        users.Select(u => new ExistingUser(u.Id, u.NormalizedEmail, u.Phone, u.Provider, u.ProviderUserId));
}
