using System.Net;
using Auth.Core.Users;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// The validated-session cache (ADR 0010): a cached session is served without a database read for up to a second,
/// and anything this node does to the user or their sessions refuses (or refreshes) it at once.
/// </summary>
public abstract class SessionCacheSuite(AppFixture fixture) : SuiteBase(fixture)
{
    protected override object? Baseline => new { email = new { confirmEmail = false } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetUser_AgainWithinFreshness_ReadsNoSessionRow_AndAfterItReadsAgain()
    {
        var (_, token, _) = await SignUpWithSessionAsync();
        (await GetAsync("/auth/user", token)).AssertStatus(HttpStatusCode.OK);
        Fixture.Commands.TakeStatements();

        (await GetAsync("/auth/user", token)).AssertStatus(HttpStatusCode.OK);
        Assert.DoesNotContain("SELECT Sessions", Fixture.Commands.TakeStatements());

        Fixture.Time.Advance(TimeSpan.FromSeconds(1));
        (await GetAsync("/auth/user", token)).AssertStatus(HttpStatusCode.OK);
        Assert.Contains("SELECT Sessions", Fixture.Commands.TakeStatements());
    }

    [Fact]
    public async Task DisableUser_CachedSession_IsRefusedAtOnce()
    {
        var (_, token, user) = await CachedSessionAsync();

        Assert.True((await Admin.SetDisabledAsync(user["_id"]!.GetValue<string>(), true, Ct)).IsSuccess);

        (await GetAsync("/auth/user", token)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    [Fact]
    public async Task DeleteUser_CachedSession_IsRefusedAtOnce()
    {
        var (_, token, user) = await CachedSessionAsync();
        using var admin = await Fixture.CreateOperatorClientAsync();

        (await admin.DeleteAsync($"/admin/api/users/{user["_id"]!.GetValue<string>()}", Ct)).EnsureSuccessStatusCode();

        (await GetAsync("/auth/user", token)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    [Fact]
    public async Task SignOutAll_FromAnotherSession_RefusesEveryCachedSessionAtOnce()
    {
        var (email, token, _) = await CachedSessionAsync();
        var other = (await PostAsync("/auth/signin-email", new { email, password = Password })).Body!["session"]!["token"]!.GetValue<string>();
        (await GetAsync("/auth/user", other)).AssertStatus(HttpStatusCode.OK);

        (await PostAsync("/auth/signout-all", null, other)).AssertStatus(HttpStatusCode.OK);

        (await GetAsync("/auth/user", token)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
        (await GetAsync("/auth/user", other)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    [Fact]
    public async Task RevokeSessionByOperator_CachedSession_IsRefusedAtOnce()
    {
        var (_, token, user) = await CachedSessionAsync();
        var id = user["_id"]!.GetValue<string>();
        var session = Assert.Single(await Admin.ListSessionsAsync(id, Ct));

        Assert.True((await Admin.RevokeSessionAsync(id, session.Id, Ct)).IsSuccess);

        (await GetAsync("/auth/user", token)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    [Fact]
    public async Task MarkVerified_CachedSession_ServesTheChangedUserAtOnce()
    {
        var (_, token, user) = await CachedSessionAsync();
        Assert.False((await GetAsync("/auth/user", token)).Body!["emailVerified"]!.GetValue<bool>());

        Assert.True((await Admin.MarkVerifiedAsync(user["_id"]!.GetValue<string>(), VerifiedChannel.Email, Ct)).IsSuccess);

        Assert.True((await GetAsync("/auth/user", token)).Body!["emailVerified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task DisableUser_WhileParallelReadsRun_NoReadAfterItSucceeds()
    {
        var (_, token, user) = await CachedSessionAsync();
        using var stop = new CancellationTokenSource();
        var disabled = 0;
        var servedAfterDisable = 0;
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var after = Volatile.Read(ref disabled) == 1;
                var response = await GetAsync("/auth/user", token);
                if (after && response.Status == HttpStatusCode.OK) Interlocked.Increment(ref servedAfterDisable);
                if (after) return;
            }
        }, Ct)).ToList();

        Assert.True((await Admin.SetDisabledAsync(user["_id"]!.GetValue<string>(), true, Ct)).IsSuccess);
        Volatile.Write(ref disabled, 1);
        await Task.WhenAll(readers);

        Assert.Equal(0, servedAfterDisable);
    }

    private UserAdministration Admin => Fixture.Factory.Services.GetRequiredService<UserAdministration>();

    /// <summary>Signs up and reads the user once, so the session sits in the node's cache.</summary>
    private async Task<(string Email, string Token, System.Text.Json.Nodes.JsonObject User)> CachedSessionAsync()
    {
        var signedUp = await SignUpWithSessionAsync();
        (await GetAsync("/auth/user", signedUp.Token)).AssertStatus(HttpStatusCode.OK);
        return signedUp;
    }
}
