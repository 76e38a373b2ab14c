using System.Net;
using Auth.Core.Housekeeping;
using Auth.Core.Passkeys;
using Auth.TestKit.Passkeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

// Races, enumeration, the switch, removal, and how user verification meets the second factor.
public abstract partial class PasskeySuite
{
    [Fact]
    public async Task SignIn_TenParallelCompletionsOfOneChallenge_OpenExactlyOneSession()
    {
        var (email, session, user) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);
        var credential = authenticator.Get(await SignInOptionsAsync(email), AppOrigin);
        using var start = new SemaphoreSlim(0, 10);
        var calls = Enumerable.Range(0, 10).Select(async _ =>
        {
            await start.WaitAsync(TestContext.Current.CancellationToken);
            return await PostAsync("/auth/signin-passkey", new { credential = credential.DeepClone() });
        }).ToArray();

        start.Release(10);
        var responses = await Task.WhenAll(calls);

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => r.AssertError(HttpStatusCode.Unauthorized, "invalid_passkey_challenge"));
        var userId = user["_id"]!.GetValue<string>();
        await using var db = Db();
        Assert.Equal(1, await db.Sessions.CountAsync(s => s.UserId == userId && s.Amr == "passkey", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignIn_TwoClonesWithOneCounterInParallel_OnlyOnePasses()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);
        // Two ceremonies, each with its own challenge, signed with the same counter value as a cloned key would.
        var first = authenticator.Get(await SignInOptionsAsync(email), AppOrigin);
        var second = authenticator.Get(await SignInOptionsAsync(email), AppOrigin, advanceCounter: false);

        var responses = await Task.WhenAll(
            PostAsync("/auth/signin-passkey", new { credential = first }),
            PostAsync("/auth/signin-passkey", new { credential = second }));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.Single(responses, r => r.Status == HttpStatusCode.Unauthorized && r.Raw.Contains("passkey_counter_regressed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInOptions_UnknownEmail_AreShapedLikeAKnownAccountsAndStable()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);
        var unknown = NewEmail("nobody");

        var known = await SignInOptionsAsync(email);
        var decoy = await SignInOptionsAsync(unknown);
        var again = await SignInOptionsAsync(unknown);

        Assert.Equal(Keys(known), Keys(decoy));
        var knownIds = known["allowCredentials"]!.AsArray();
        var decoyIds = decoy["allowCredentials"]!.AsArray();
        Assert.Equal(knownIds.Count, decoyIds.Count);
        Assert.Equal(knownIds[0]!["id"]!.GetValue<string>().Length, decoyIds[0]!["id"]!.GetValue<string>().Length);
        Assert.Equal(decoyIds[0]!["id"]!.GetValue<string>(), again["allowCredentials"]![0]!["id"]!.GetValue<string>());
        Assert.NotEqual(decoy["challenge"]!.GetValue<string>(), again["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task PasskeyRoutes_WhenDisabled_AnswerPasskeysDisabled()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, passkeys = new { enabled = false } });

        (await PostAsync("/auth/passkeys/register/options", new { }, session)).AssertError(HttpStatusCode.Forbidden, "passkeys_disabled");
        (await PostAsync("/auth/signin-passkey/options", new { email })).AssertError(HttpStatusCode.Forbidden, "passkeys_disabled");
        (await PostAsync("/auth/signin-passkey", new { credential = new { } })).AssertError(HttpStatusCode.Forbidden, "passkeys_disabled");
        (await GetAsync("/auth/passkeys", session)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Remove_OwnPasskey_StopsItsSignIn_AndAnotherUsersIsNotFound()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        var (_, stranger, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        var id = (await RegisterAsync(authenticator, session))["id"]!.GetValue<string>();

        (await DeleteAsync($"/auth/passkeys/{id}", stranger, new { password = Password })).AssertError(HttpStatusCode.NotFound, "passkey_not_found");
        (await DeleteAsync($"/auth/passkeys/{id}", session, new { password = Password })).AssertStatus(HttpStatusCode.OK);

        Assert.Empty((await GetAsync("/auth/passkeys", session)).Json!.AsArray());
        var signIn = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(await SignInOptionsAsync(null), AppOrigin) });
        signIn.AssertError(HttpStatusCode.Unauthorized, "invalid_passkey");
    }

    [Fact]
    public async Task Register_SameAuthenticatorTwice_IsAConflict()
    {
        var (_, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);
        var options = (await PostAsync("/auth/passkeys/register/options", new { }, session)).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Single(options["excludeCredentials"]!.AsArray());

        var again = await PostAsync("/auth/passkeys/register", new { credential = authenticator.Create(options, AppOrigin) }, session);

        again.AssertError(HttpStatusCode.Conflict, "passkey_already_registered");
    }

    [Fact]
    public async Task SignIn_UnverifiedUnderTheDefaultRequired_IsRefused()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);
        authenticator.VerifiesUser = false;

        var signIn = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(await SignInOptionsAsync(email), AppOrigin) });

        signIn.AssertError(HttpStatusCode.Unauthorized, "invalid_passkey");
    }

    [Fact]
    public async Task SignIn_UserVerified_SatisfiesMfa_UnverifiedAsksForTheSecondFactor()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, passkeys = new { enabled = true, userVerification = "preferred" }, mfa = new { enabled = true } });
        var (email, session, _) = await SignUpWithSessionAsync();
        await MfaSteps.EnrolAsync((path, body, s) => PostAsync(path, body, s), Fixture.Time, session);
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);

        var verified = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(await SignInOptionsAsync(email), AppOrigin) });
        authenticator.VerifiesUser = false;
        var present = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(await SignInOptionsAsync(email), AppOrigin) });

        verified.AssertStatus(HttpStatusCode.OK);
        Assert.NotNull(MfaSteps.MfaToken(present));
    }

    [Fact]
    public async Task SignIn_ChallengeOlderThanFiveMinutes_IsRefused()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);
        var options = await SignInOptionsAsync(email);
        Fixture.Time.Advance(PasskeyChallenges.Lifetime + TimeSpan.FromSeconds(1));

        var signIn = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(options, AppOrigin) });

        signIn.AssertError(HttpStatusCode.Unauthorized, "invalid_passkey_challenge");
    }

    [Fact]
    public async Task PasskeyChallengePurge_DeletesChallengesADayAfterExpiry_AndKeepsTheRest()
    {
        var old = (await SignInOptionsAsync(null))["challenge"]!.GetValue<string>();
        Fixture.Time.Advance(TimeSpan.FromDays(1) + PasskeyChallenges.Lifetime + TimeSpan.FromMinutes(1));
        var fresh = (await SignInOptionsAsync(null))["challenge"]!.GetValue<string>();
        var job = Fixture.Factory.Services.GetServices<IHousekeepingJob>().OfType<PasskeyChallengePurge>().Single();

        await job.RunAsync(TestContext.Current.CancellationToken);

        await using var db = Db();
        var left = await db.PasskeyChallenges.Select(c => c.ChallengeHash).ToListAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(HashOf(old), left);
        Assert.Contains(HashOf(fresh), left);
    }

    private static string HashOf(string challenge) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Buffers.Text.Base64Url.DecodeFromChars(challenge)));

    private static List<string> Keys(System.Text.Json.Nodes.JsonNode node) => node.AsObject().Select(p => p.Key).Order().ToList();
}
