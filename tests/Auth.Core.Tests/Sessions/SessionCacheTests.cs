using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Sessions;

namespace Auth.Core.Tests.Sessions;

public sealed class SessionCacheTests
{
    private static readonly DateTime T0 = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static SessionCache NewCache() =>
        new(new AuthDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=unused-cache.db" }));

    [Fact]
    public void Put_WhenFullOfIdleEntries_DropsThemAndKeepsTheNewOne()
    {
        var cache = NewCache();
        for (var i = 0; i < SessionCache.MaxEntries; i++) Put(cache, $"token-{i}", "user-1", T0);

        Put(cache, "fresh", "user-2", T0 + SessionCache.IdleEntryAge);

        Assert.Equal(1, cache.Count);
        Assert.NotNull(cache.Find(Key("fresh")));
    }

    [Fact]
    public void Put_WhenFullOfEntriesInUse_StartsOverInsteadOfGrowing()
    {
        var cache = NewCache();
        for (var i = 0; i < SessionCache.MaxEntries + 10; i++) Put(cache, $"token-{i}", $"user-{i % 100}", T0);

        Assert.True(cache.Count <= SessionCache.MaxEntries, $"{cache.Count} entries");
    }

    [Fact]
    public void UsersChanged_VoidsThatUsersEntriesOnly()
    {
        var cache = NewCache();
        Put(cache, "a", "user-a", T0);
        Put(cache, "b", "user-b", T0);

        cache.UsersChanged(["user-a"]);

        Assert.Null(cache.Find(Key("a")));
        Assert.NotNull(cache.Find(Key("b")));
    }

    [Fact]
    public void Put_AfterAWriteReportedSinceItsRead_KeepsNothing()
    {
        var cache = NewCache();
        var generation = cache.Generation;
        cache.UsersChanged(["someone-else"]);

        Put(cache, "a", "user-a", T0, generation);

        Assert.Null(cache.Find(Key("a")));
    }

    private static SessionCache.TokenKey Key(string token) => SessionCache.TryKey(token, out var key) ? key : throw new InvalidOperationException();

    private static void Put(SessionCache cache, string token, string userId, DateTime readAt, long? generation = null)
    {
        var user = new User { Id = userId, Provider = "local", ProviderUserId = userId };
        var session = new Session { Id = token, UserId = userId, ExpiresAt = readAt.AddDays(1) };
        cache.Put(Key(token), new AuthenticatedSession(user, session), readAt, readAt.AddDays(1), generation ?? cache.Generation);
    }
}
