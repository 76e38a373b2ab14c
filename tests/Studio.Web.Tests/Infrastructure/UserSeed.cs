using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Sessions;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Studio.Web.Tests.Infrastructure;

/// <summary>Users and sessions written the way the runtime writes them (ids, normalised e-mail, SessionService.Open).</summary>
public static class UserSeed
{
    public const string ChromeOnMac =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    public const string SafariOnIphone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    public static async Task<User> AddUserAsync(
        IServiceProvider services, string? email, string? phone = null, string? name = null, DateTime? signUpAt = null, params string[] sessionUserAgents)
    {
        var time = services.GetRequiredService<TimeProvider>();
        await using var db = await services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync();
        var id = UserId.New(time);
        var user = new User
        {
            Id = id,
            Provider = User.LocalProvider,
            ProviderUserId = id,
            Email = email,
            NormalizedEmail = email is null ? null : EmailAddress.Normalize(email).Value.Normalized,
            Phone = phone,
            Name = name,
            SignUpAt = signUpAt ?? time.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(user);
        var sessions = services.GetRequiredService<SessionService>();
        foreach (var ua in sessionUserAgents) sessions.Open(db, user, new ClientInfo(ua, "203.0.113.7"));
        await db.SaveChangesAsync();
        return user;
    }
}
