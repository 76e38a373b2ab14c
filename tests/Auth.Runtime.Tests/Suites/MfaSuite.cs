using System.Net;
using System.Net.Http.Json;
using Auth.Core.Housekeeping;
using Auth.Core.Mfa;
using Auth.Core.Tokens;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// Second factors over HTTP on the real host: enrolment, the mfa_required answer of every sign-in that would open a
/// session, the verify step, replay and lockout under parallel requests, recovery codes and removal with proof.
/// </summary>
public abstract class MfaSuite(AppFixture fixture) : SuiteBase(fixture)
{
    protected override object? Baseline => new
    {
        email = new { confirmEmail = false },
        mfa = new { enabled = true },
        security = new { lockoutThreshold = 5, lockoutMinutes = 15 },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInWithEmail_AfterEnrolment_AnswersMfaRequiredAndVerifyOpensSession()
    {
        var (email, session, user) = await SignUpWithSessionAsync();
        var (secret, _) = await EnrolAsync(session);

        var signIn = await PostAsync("/auth/signin-email", new { email, password = Password });
        var details = signIn.AssertError(HttpStatusCode.Unauthorized, "mfa_required")["details"]!;
        Assert.Equal(["totp"], details["factors"]!.AsArray().Select(f => f!.GetValue<string>()));
        var mfaToken = details["mfaToken"]!.GetValue<string>();
        Assert.Null(signIn.Body!["session"]);

        var verified = await PostAsync("/auth/mfa/verify", new { mfaToken, code = Code(secret) });

        verified.AssertStatus(HttpStatusCode.OK);
        var newSession = verified.Body!["session"]!["token"]!.GetValue<string>();
        (await GetAsync("/auth/user", newSession)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("pwd totp", await LatestAmrAsync(user["_id"]!.GetValue<string>()));
        (await PostAsync("/auth/mfa/verify", new { mfaToken, code = Code(secret) })).AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_token");
    }

    [Fact]
    public async Task Verify_CodeAlreadyUsedInItsWindow_IsRefused()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        var (secret, _) = await EnrolAsync(session);
        var code = Code(secret);
        (await PostAsync("/auth/mfa/verify", new { mfaToken = await MfaTokenAsync(email), code })).AssertStatus(HttpStatusCode.OK);

        var replay = await PostAsync("/auth/mfa/verify", new { mfaToken = await MfaTokenAsync(email), code });

        replay.AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Fact]
    public async Task Verify_TenParallelRequestsWithOneCode_ExactlyOneOpensASession()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, mfa = new { enabled = true }, security = new { lockoutThreshold = 100 } });
        var (email, session, _) = await SignUpWithSessionAsync();
        var (secret, _) = await EnrolAsync(session);
        var tokens = new List<string>();
        for (var i = 0; i < 10; i++) tokens.Add(await MfaTokenAsync(email));
        var code = Code(secret);
        var next = 0;

        var responses = await ParallelAsync(10, () => PostAsync("/auth/mfa/verify", new { mfaToken = tokens[Interlocked.Increment(ref next) - 1], code }));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => r.AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_code"));
    }

    [Fact]
    public async Task Verify_TwentyParallelWrongCodes_CheckNoMoreThanTheThresholdAndLock()
    {
        var (email, session, user) = await SignUpWithSessionAsync();
        var (secret, _) = await EnrolAsync(session);
        var mfaToken = await MfaTokenAsync(email);
        var wrong = Code(secret) == "000000" ? "000001" : "000000";

        var responses = await ParallelAsync(20, () => PostAsync("/auth/mfa/verify", new { mfaToken, code = wrong }));

        Assert.Equal(5, responses.Count(r => r.Status == HttpStatusCode.Unauthorized));
        Assert.Equal(15, responses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        (await PostAsync("/auth/mfa/verify", new { mfaToken, code = Code(secret) })).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        // The lock is the account's: the password is refused too until it ends.
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        await using var db = Db();
        var row = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user["_id"]!.GetValue<string>(), Ct);
        Assert.Equal(5, row.FailedSignInCount);
        Assert.NotNull(row.LockoutEndsAt);
    }

    [Fact]
    public async Task Verify_RecoveryCode_WorksOnce()
    {
        var (email, session, user) = await SignUpWithSessionAsync();
        var (_, recoveryCodes) = await EnrolAsync(session);

        var first = await PostAsync("/auth/mfa/verify", new { mfaToken = await MfaTokenAsync(email), recoveryCode = recoveryCodes[0] });
        var second = await PostAsync("/auth/mfa/verify", new { mfaToken = await MfaTokenAsync(email), recoveryCode = recoveryCodes[0] });

        first.AssertStatus(HttpStatusCode.OK);
        second.AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        Assert.Equal("pwd recovery", await LatestAmrAsync(user["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RemoveFactor_NeedsThePasswordOrACode()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        await EnrolAsync(session);
        var factors = await GetAsync("/auth/mfa/factors", session);
        factors.AssertStatus(HttpStatusCode.OK);
        var id = Assert.Single(factors.Json!.AsArray())!["id"]!.GetValue<string>();

        (await DeleteAsync($"/auth/mfa/factors/{id}", new { }, session)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        (await DeleteAsync($"/auth/mfa/factors/{id}", new { password = "not the password" }, session))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await DeleteAsync($"/auth/mfa/factors/{id}", new { password = Password }, session)).AssertStatus(HttpStatusCode.OK);

        Assert.Empty((await GetAsync("/auth/mfa/factors", session)).Json!.AsArray());
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Grant_OAuthAccessTokenForEnrolledUser_AnswersMfaRequired()
    {
        var (_, session, user) = await SignUpWithSessionAsync();
        var userId = user["_id"]!.GetValue<string>();
        var (secret, _) = await EnrolAsync(session);
        string accessToken;
        await using (var db = Db())
        {
            accessToken = Fixture.Factory.Services.GetRequiredService<AccessTokenService>().Issue(db, userId, "oauth-signin");
            await db.SaveChangesAsync(Ct);
        }

        var grant = await PostAsync("/auth/grant", new { accessToken });
        var mfaToken = grant.AssertError(HttpStatusCode.Unauthorized, "mfa_required")["details"]!["mfaToken"]!.GetValue<string>();

        (await PostAsync("/auth/mfa/verify", new { mfaToken, code = Code(secret) })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("oauth totp", await LatestAmrAsync(userId));
    }

    [Fact]
    public async Task Enroll_MfaDisabled_IsForbidden()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, mfa = new { enabled = false } });
        var (_, session, _) = await SignUpWithSessionAsync();

        (await PostAsync("/auth/mfa/totp/enroll", new { }, session)).AssertError(HttpStatusCode.Forbidden, "not_allowed");
        (await PostAsync("/auth/mfa/totp/enroll", new { })).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MfaChallengePurge_DeletesChallengesADayAfterExpiry_AndKeepsTheRest()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        await EnrolAsync(session);
        var old = await MfaTokenAsync(email);
        Fixture.Time.Advance(TimeSpan.FromDays(1) + MfaChallenges.Lifetime + TimeSpan.FromMinutes(1));
        var fresh = await MfaTokenAsync(email);
        var job = Fixture.Factory.Services.GetServices<IHousekeepingJob>().OfType<MfaChallengePurge>().Single();

        await job.RunAsync(Ct);

        await using var db = Db();
        var left = await db.MfaChallenges.Select(c => c.TokenHash).ToListAsync(Ct);
        Assert.DoesNotContain(TokenHashing.Hash(old), left);
        Assert.Contains(TokenHashing.Hash(fresh), left);
    }

    private Task<(byte[] Secret, List<string> RecoveryCodes)> EnrolAsync(string session) =>
        MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);

    private string Code(byte[] secret) => MfaSteps.Code(secret, Fixture.Time);

    private async Task<string> MfaTokenAsync(string email) =>
        MfaSteps.MfaToken(await PostAsync("/auth/signin-email", new { email, password = Password }));

    private Task<string?> LatestAmrAsync(string userId) => MfaSteps.LatestAmrAsync(Db(), userId);

    private async Task<ApiResponse> DeleteAsync(string path, object body, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Session", session);
        return await ApiResponse.ReadAsync(await Client.SendAsync(request, Ct));
    }

    private static async Task<T[]> ParallelAsync<T>(int count, Func<Task<T>> call)
    {
        using var start = new SemaphoreSlim(0, count);
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            await start.WaitAsync(Ct);
            return await call();
        }).ToArray();
        start.Release(count);
        return await Task.WhenAll(tasks);
    }
}
