using System.Net;
using Auth.Core.Data.Entities;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Users;

/// <summary>GET /admin/api/users with filters and sort: exact matches, in order, across cursor pages.</summary>
public abstract class UserFilterSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Users of a provider of their own, one per (disabled, e-mail verified, phone verified), a minute apart from 2001.</summary>
    private async Task<(string Provider, List<User> Users)> SeedAsync()
    {
        var provider = "p" + Guid.NewGuid().ToString("N")[..12];
        var start = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var users = new List<User>();
        var i = 0;
        foreach (var disabled in new[] { false, true })
        foreach (var emailVerified in new[] { false, true })
        foreach (var phoneVerified in new[] { false, true })
        {
            var id = Guid.NewGuid().ToString("N")[..24];
            users.Add(new User
            {
                Id = id, Provider = provider, ProviderUserId = id, Email = $"{provider}-{i}@example.test", NormalizedEmail = $"{provider}-{i}@example.test",
                Phone = "+1415" + Random.Shared.Next(2_000_000, 9_999_999), Disabled = disabled, EmailVerified = emailVerified, PhoneVerified = phoneVerified,
                SignUpAt = start.AddMinutes(i++),
            });
        }
        await using var db = Db();
        db.Users.AddRange(users);
        await db.SaveChangesAsync(Ct);
        return (provider, users);
    }

    private async Task<List<string>> ListAllAsync(string query)
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var path = "/admin/api/users?pageSize=2&" + query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = (await ApiResponse.ReadAsync(await admin.GetAsync(path, Ct))).AssertStatus(HttpStatusCode.OK).Body!;
            ids.AddRange(page["items"]!.AsArray().Select(u => u!["user"]!["_id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return ids;
    }

    [Fact]
    public async Task ListUsers_ProviderVerifiedEnabled_ReturnsExactlyTheMatchesNewestFirstAcrossPages()
    {
        var (provider, users) = await SeedAsync();

        var ids = await ListAllAsync($"provider={provider}&verified=true&disabled=false");

        var expected = users.Where(u => !u.Disabled && (u.EmailVerified || u.PhoneVerified)).OrderByDescending(u => u.SignUpAt).Select(u => u.Id);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task ListUsers_ProviderOnlySortedOldest_MergesEveryPartitionInSignUpOrder()
    {
        var (provider, users) = await SeedAsync();

        Assert.Equal(users.Select(u => u.Id), await ListAllAsync($"provider={provider}&sort=oldest"));
        Assert.Equal(users.Where(u => !u.EmailVerified && !u.PhoneVerified).Select(u => u.Id), await ListAllAsync($"provider={provider}&verified=false&sort=oldest"));
    }

    [Fact]
    public async Task ListUsers_SignedUpRange_KeepsTheStartAndLeavesTheEnd()
    {
        var (provider, users) = await SeedAsync();
        var from = Uri.EscapeDataString(users[2].SignUpAt.ToString("O"));
        var to = Uri.EscapeDataString(users[5].SignUpAt.ToString("O"));

        Assert.Equal(users[2..5].Select(u => u.Id).Reverse(), await ListAllAsync($"provider={provider}&signedUpFrom={from}&signedUpTo={to}"));
        var disabledInRange = await ListAllAsync($"signedUpFrom={from}&signedUpTo={to}&disabled=true&sort=oldest");
        Assert.Contains(users[4].Id, disabledInRange);
        Assert.DoesNotContain(users[3].Id, disabledInRange);
    }

    [Fact]
    public async Task ListUsers_SearchWithFilter_KeepsOnlyMatchingUsersOfThePrefix()
    {
        var (provider, users) = await SeedAsync();

        var ids = await ListAllAsync($"query={provider}-&disabled=true&verified=true");

        Assert.Equal(users.Where(u => u.Disabled && (u.EmailVerified || u.PhoneVerified)).OrderBy(u => u.Email, StringComparer.Ordinal).Select(u => u.Id), ids);
    }

    [Theory]
    [InlineData("verified=maybe", "verified")]
    [InlineData("disabled=1", "disabled")]
    [InlineData("signedUpFrom=yesterday", "signedUpFrom")]
    [InlineData("sort=name", "sort")]
    [InlineData("signedUpFrom=2020-01-02&signedUpTo=2020-01-01", "signedUpTo")]
    public async Task ListUsers_BadFilter_ReturnsValidationErrorNamingIt(string query, string field)
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var response = await ApiResponse.ReadAsync(await admin.GetAsync("/admin/api/users?" + query, Ct));
        Assert.Equal([field], response.ValidationFields());
    }

    [Fact]
    public async Task ListUsers_CursorOfAnotherFilter_IsRefused()
    {
        var (provider, _) = await SeedAsync();
        using var admin = await Fixture.CreateOperatorClientAsync();
        var first = (await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/users?pageSize=1&provider={provider}", Ct))).Body!;
        var cursor = Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>());

        var response = await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/users?pageSize=1&provider={provider}&disabled=true&cursor={cursor}", Ct));

        Assert.Equal(["cursor"], response.ValidationFields());
    }
}
