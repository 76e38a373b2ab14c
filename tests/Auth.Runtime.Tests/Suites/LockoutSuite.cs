using System.Net;
using System.Text.RegularExpressions;
using Auth.Core.Operators;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// Lockout under concurrency: every failed attempt is counted by the database, not in memory, and no more
/// passwords are ever checked than the threshold allows, however many requests arrive at once.
/// </summary>
public abstract partial class LockoutSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private const string Wrong = "wrong password 1";

    [Fact]
    public async Task SignInWithEmail_FiftyParallelWrongPasswords_CountsEveryAttempt()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, security = new { lockoutThreshold = 100 } });
        var (email, _, _) = await SignUpWithSessionAsync();

        var responses = await ParallelAsync(50, () => PostAsync("/auth/signin-email", new { email, password = Wrong }));

        Assert.All(responses, r => r.AssertError(HttpStatusCode.Unauthorized, "invalid_credentials"));
        var user = await UserAsync(email);
        Assert.Equal(50, user.FailedSignInCount);
        Assert.Null(user.LockoutEndsAt);
    }

    [Fact]
    public async Task SignInWithEmail_FiftyParallelWrongPasswords_ChecksNoMoreThanTheThresholdAndLocks()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, security = new { lockoutThreshold = 10, lockoutMinutes = 15 } });
        var (email, _, _) = await SignUpWithSessionAsync();

        var responses = await ParallelAsync(50, () => PostAsync("/auth/signin-email", new { email, password = Wrong }));

        // Exactly the threshold's worth of guesses reached the hasher; the rest were refused as locked.
        Assert.Equal(10, responses.Count(r => r.Status == HttpStatusCode.Unauthorized));
        Assert.Equal(40, responses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        var user = await UserAsync(email);
        Assert.Equal(10, user.FailedSignInCount);
        Assert.NotNull(user.LockoutEndsAt);

        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Fixture.Time.Advance(TimeSpan.FromMinutes(16));
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(0, (await UserAsync(email)).FailedSignInCount);
    }

    [Fact]
    public async Task SignInWithPhone_TwentyParallelWrongPasswords_ChecksNoMoreThanTheThresholdAndLocks()
    {
        // Phone sign-in shares the password step (LocalSignIn); confirmPhone off so no SMS is involved.
        await Fixture.PublishAsync(new { phone = new { enabled = true, confirmPhone = false }, security = new { lockoutThreshold = 5 } });
        var phone = "+1415" + Random.Shared.Next(2_000_000, 9_999_999);
        (await PostAsync("/auth/signup-phone", new { phone, password = Password, name = "Jobby" })).AssertStatus(HttpStatusCode.OK);

        var responses = await ParallelAsync(20, () => PostAsync("/auth/signin-phone", new { phone, password = Wrong }));

        Assert.Equal(5, responses.Count(r => r.Status == HttpStatusCode.Unauthorized));
        Assert.Equal(15, responses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        (await PostAsync("/auth/signin-phone", new { phone, password = Password })).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
    }

    [Fact]
    public async Task SignInWithEmail_RightPasswordAfterThresholdMinusOneFailures_SignsInAndResets()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, security = new { lockoutThreshold = 3 } });
        var (email, _, _) = await SignUpWithSessionAsync();
        for (var i = 0; i < 2; i++)
            (await PostAsync("/auth/signin-email", new { email, password = Wrong })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");

        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);

        var user = await UserAsync(email);
        Assert.Equal(0, user.FailedSignInCount);
        Assert.Null(user.LockoutEndsAt);
    }

    [Fact]
    public async Task SignInWithEmail_RightPasswordStillHashingWhenTheLockIsReached_IsRefused()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, security = new { lockoutThreshold = 3, lockoutMinutes = 15 } });
        var (email, _, _) = await SignUpWithSessionAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Hold the right password's success step (the counter reset) until the wrong ones have locked the account.
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Fixture.Commands.BeforeNonQuery = async sql =>
        {
            seen.Enqueue(sql);
            if (!ResetStatement().IsMatch(sql) || !held.TrySetResult()) return;
            await release.Task;
        };
        try
        {
            var right = PostAsync("/auth/signin-email", new { email, password = Password });
            await Eventually.Until(() => held.Task.IsCompleted || right.IsCompleted,
                () => "The success step was never seen: " + string.Join(" | ", seen).ReplaceLineEndings(" "));
            Assert.True(held.Task.IsCompleted, "The success step was never seen: " + string.Join(" | ", seen).ReplaceLineEndings(" "));
            for (var i = 0; i < 2; i++)
                (await PostAsync("/auth/signin-email", new { email, password = Wrong })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
            Assert.NotNull((await UserAsync(email)).LockoutEndsAt);
            release.SetResult();

            (await right).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        }
        finally
        {
            Fixture.Commands.BeforeNonQuery = null;
            release.TrySetResult();
        }
        Assert.NotNull((await UserAsync(email)).LockoutEndsAt);
    }

    [Fact]
    public async Task SignInWithEmail_CountStuckAtThresholdWithoutLock_IsSealedBySweepIntoALockThatEnds()
    {
        // A process that died while hashing leaves its reserved attempt counted but no lock set: the right password
        // alone doesn't seal it (parallel right passwords must not lock anyone out), the hourly sweep turns it into an
        // ordinary lock, so the account is not stuck forever.
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, security = new { lockoutThreshold = 3, lockoutMinutes = 15 } });
        var (email, _, _) = await SignUpWithSessionAsync();
        await using (var db = Db())
        {
            await db.Users.Where(u => u.Email == email)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignInCount, 3), TestContext.Current.CancellationToken);
        }

        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.Null((await UserAsync(email)).LockoutEndsAt);
        await Fixture.Factory.Services.GetRequiredService<Auth.Core.Housekeeping.HousekeepingScheduler>().RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.NotNull((await UserAsync(email)).LockoutEndsAt);

        Fixture.Time.Advance(TimeSpan.FromMinutes(16));
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInWithEmail_ThirtyParallelRightPasswords_NeverLockTheOwner()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, security = new { lockoutThreshold = 5, lockoutMinutes = 15 } });
        var (email, _, _) = await SignUpWithSessionAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => PostAsync("/auth/signin-email", new { email, password = Password })));

        Assert.Contains(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => Assert.True(r.Message.Headers.RetryAfter?.Delta <= TimeSpan.FromSeconds(1)));
        Assert.Null((await UserAsync(email)).LockoutEndsAt);
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OperatorToken_ThirtyParallelWrongPasswords_LocksAtTheThresholdAndRefusesTheRightOne()
    {
        var operators = Fixture.Factory.Services.GetRequiredService<OperatorService>();
        var email = NewEmail("op");
        const string opPassword = "operator password 12";
        Assert.True((await operators.CreateAsync(email, opPassword, TestContext.Current.CancellationToken)).IsSuccess);

        // Straight to the service: the management API's per-IP limit would otherwise refuse most of these.
        var results = await ParallelAsync(30, () => operators.VerifyCredentialsAsync(email, Wrong, TestContext.Current.CancellationToken));

        Assert.All(results, r => Assert.False(r.IsSuccess));
        await using var db = Db();
        var op = await db.Operators.AsNoTracking().SingleAsync(o => o.Email == email, TestContext.Current.CancellationToken);
        Assert.Equal(5, op.FailedSignInCount);
        Assert.NotNull(op.LockoutEndsAt);
        Assert.False((await operators.VerifyCredentialsAsync(email, opPassword, TestContext.Current.CancellationToken)).IsSuccess);
        // Locked looks like a wrong password from outside: the token endpoint does not say which e-mails are operators.
        (await PostAsync("/admin/api/token", new { email, password = opPassword })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    private async Task<Core.Data.Entities.User> UserAsync(string email)
    {
        await using var db = Db();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
    }

    // The success step: the counter set from a parameter (the reservation adds 1, the seal leaves it alone).
    [GeneratedRegex(@"FailedSignInCount[\]""`]? = @")]
    private static partial Regex ResetStatement();

    /// <summary>Starts all <paramref name="count"/> calls before awaiting any, so they really overlap.</summary>
    private static async Task<T[]> ParallelAsync<T>(int count, Func<Task<T>> call)
    {
        using var start = new SemaphoreSlim(0, count);
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            await start.WaitAsync(TestContext.Current.CancellationToken);
            return await call();
        }).ToArray();
        start.Release(count);
        return await Task.WhenAll(tasks);
    }
}
