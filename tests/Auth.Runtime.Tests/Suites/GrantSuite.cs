using System.Net;
using Auth.Core.Data;
using Auth.Core.Housekeeping;
using Auth.Core.Tokens;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>getAuthGrant: at-… tokens are random, hashed at rest, single use and short-lived.</summary>
public abstract class GrantSuite(AppFixture fixture) : SuiteBase(fixture)
{
    protected override object? Baseline => new { email = new { confirmEmail = false } };

    [Fact]
    public async Task Grant_FreshAccessToken_ReturnsUserAndSessionOnce()
    {
        var (_, _, user) = await SignUpWithSessionAsync();
        var userId = user["_id"]!.GetValue<string>();
        var accessToken = await IssueAsync(userId);
        Assert.Matches("^at-[0-9a-f]{40}$", accessToken);

        var first = await PostAsync("/auth/grant", new { accessToken });
        first.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(userId, first.Body!["user"]!["_id"]!.GetValue<string>());
        Assert.NotNull(first.Body!["user"]!["lastLoginAt"]);
        var session = first.Body!["session"]!["token"]!.GetValue<string>();
        (await GetAsync("/auth/user", session)).AssertStatus(HttpStatusCode.OK);

        (await PostAsync("/auth/grant", new { accessToken })).AssertError(HttpStatusCode.Unauthorized, "invalid_access_token");
    }

    [Fact]
    public async Task Grant_AccessTokenIsStoredOnlyAsAHash()
    {
        var (_, _, user) = await SignUpWithSessionAsync();
        var accessToken = await IssueAsync(user["_id"]!.GetValue<string>());

        await using var db = Db();
        var rows = await db.OneTimeTokens.Where(t => t.Purpose == TokenPurposes.AccessToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(rows, r => r.TokenHash.Contains(accessToken[3..], StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TokenHash == TokenHashing.Hash(accessToken));
    }

    [Fact]
    public async Task Grant_AfterFiveMinutes_ReturnsInvalidAccessToken()
    {
        var (_, _, user) = await SignUpWithSessionAsync();
        var accessToken = await IssueAsync(user["_id"]!.GetValue<string>());

        Fixture.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        (await PostAsync("/auth/grant", new { accessToken })).AssertError(HttpStatusCode.Unauthorized, "invalid_access_token");
    }

    [Theory]
    [InlineData(null, "missing_access_token", HttpStatusCode.BadRequest)]
    [InlineData("", "missing_access_token", HttpStatusCode.BadRequest)]
    [InlineData("at-0e55c6fa93ae4e8cbf6d57", "invalid_access_token", HttpStatusCode.Unauthorized)]
    [InlineData("not-even-prefixed", "invalid_access_token", HttpStatusCode.Unauthorized)]
    public async Task Grant_MissingOrUnknownToken_ReturnsTheContractError(string? accessToken, string code, HttpStatusCode status) =>
        (await PostAsync("/auth/grant", new { accessToken })).AssertError(status, code);

    [Fact]
    public async Task Grant_TwentyParallelRedemptions_ExactlyOneSucceeds()
    {
        var (_, _, user) = await SignUpWithSessionAsync();
        var accessToken = await IssueAsync(user["_id"]!.GetValue<string>());

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync("/auth/grant", new { accessToken })));

        Assert.Single(attempts, a => a.Status == HttpStatusCode.OK);
        Assert.All(attempts.Where(a => a.Status != HttpStatusCode.OK), a => a.AssertError(HttpStatusCode.Unauthorized, "invalid_access_token"));
    }

    [Fact]
    public async Task Sweeper_RemovesTokensADayAfterTheyExpire_AndKeepsTheRest()
    {
        var (_, _, user) = await SignUpWithSessionAsync();
        var userId = user["_id"]!.GetValue<string>();
        var expired = TokenHashing.Hash(await IssueAsync(userId));
        Fixture.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(10));
        var fresh = TokenHashing.Hash(await IssueAsync(userId));

        await Fixture.Factory.Services.GetRequiredService<HousekeepingScheduler>().RunOnceAsync(TestContext.Current.CancellationToken);

        await using var db = Db();
        Assert.False(await db.OneTimeTokens.AnyAsync(t => t.TokenHash == expired, TestContext.Current.CancellationToken));
        Assert.True(await db.OneTimeTokens.AnyAsync(t => t.TokenHash == fresh, TestContext.Current.CancellationToken));
    }

    private async Task<string> IssueAsync(string userId)
    {
        var service = Fixture.Factory.Services.GetRequiredService<AccessTokenService>();
        await using var db = Fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();
        var token = service.Issue(db, userId, "test");
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return token;
    }
}
