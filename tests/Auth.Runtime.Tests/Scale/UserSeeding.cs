using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Users;

namespace Auth.Runtime.Tests.Scale;

/// <summary>Users written straight to the database, with the sign-up instants a paging test needs.</summary>
internal static class UserSeeding
{
    public static User NewUser(string? email, DateTime signUpAt, string? name = null, string? phone = null, string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString("N")[..UserId.Length],
        Provider = User.LocalProvider,
        ProviderUserId = Guid.NewGuid().ToString("N"),
        Email = email,
        NormalizedEmail = email?.ToLowerInvariant(),
        Phone = phone,
        Name = name,
        SignUpAt = signUpAt,
    };

    public static async Task<List<User>> AddAsync(AuthDbContext db, IEnumerable<User> users, CancellationToken ct)
    {
        var list = users.ToList();
        db.Users.AddRange(list);
        await db.SaveChangesAsync(ct);
        return list;
    }
}
