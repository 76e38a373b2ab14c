using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Tests.Mfa;

public class MfaVerifyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MfaVerifyCommand Code(string token, string code) => new(token, code, null, ClientInfo.None);

    private static MfaVerifyCommand Recovery(string token, string code) => new(token, null, code, ClientInfo.None);

    private static string Wrong(string right) => right == "000000" ? "000001" : "000000";

    [Fact]
    public async Task Verify_CurrentCode_OpensSessionRecordingBothFactors()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (secret, _) = await mfa.EnrolAsync(user);
        var token = await mfa.ChallengeAsync(user, "pwd");

        var grant = (await mfa.Verify.ExecuteAsync(Code(token, mfa.CodeAt(secret)), Ct)).Value;

        Assert.Equal(user.Id, grant.User.Id);
        Assert.NotNull(grant.SessionToken);
        await using var db = mfa.Db.CreateDbContext();
        Assert.Equal("pwd totp", (await db.Sessions.SingleAsync(Ct)).Amr);
    }

    [Theory]
    [InlineData(-30, true)]
    [InlineData(30, true)]
    [InlineData(-60, false)]
    [InlineData(60, false)]
    public async Task Verify_CodeOfNeighbourStep_AcceptedOnlyOneStepAway(int offsetSeconds, bool accepted)
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (secret, _) = await mfa.EnrolAsync(user);
        mfa.Time.Advance(TimeSpan.FromSeconds(90)); // past the confirming step, so -60 is not refused as a replay only
        var token = await mfa.ChallengeAsync(user);

        var result = await mfa.Verify.ExecuteAsync(Code(token, mfa.CodeAt(secret, TimeSpan.FromSeconds(offsetSeconds))), Ct);

        Assert.Equal(accepted, result.IsSuccess);
        if (!accepted) Assert.Equal(AuthErrors.InvalidMfaCode, result.Error!.Code);
    }

    [Fact]
    public async Task Verify_SameCodeAgainInItsWindow_IsRefused()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (secret, _) = await mfa.EnrolAsync(user);
        var code = mfa.CodeAt(secret);
        Assert.True((await mfa.Verify.ExecuteAsync(Code(await mfa.ChallengeAsync(user), code), Ct)).IsSuccess);
        mfa.Time.Advance(TimeSpan.FromSeconds(20)); // still the same step

        var replay = await mfa.Verify.ExecuteAsync(Code(await mfa.ChallengeAsync(user), code), Ct);

        Assert.Equal(AuthErrors.InvalidMfaCode, replay.Error?.Code);
    }

    [Fact]
    public async Task Verify_TokenOlderThanFiveMinutes_IsRefused()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (secret, _) = await mfa.EnrolAsync(user);
        var token = await mfa.ChallengeAsync(user);
        mfa.Time.Advance(MfaChallenges.Lifetime);

        var result = await mfa.Verify.ExecuteAsync(Code(token, mfa.CodeAt(secret)), Ct);

        Assert.Equal(AuthErrors.InvalidMfaToken, result.Error?.Code);
    }

    [Fact]
    public async Task Verify_TokenAlreadySpent_IsRefused()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (secret, _) = await mfa.EnrolAsync(user);
        var token = await mfa.ChallengeAsync(user);
        Assert.True((await mfa.Verify.ExecuteAsync(Code(token, mfa.CodeAt(secret)), Ct)).IsSuccess);
        mfa.Time.Advance(TimeSpan.FromSeconds(30));

        var again = await mfa.Verify.ExecuteAsync(Code(token, mfa.CodeAt(secret)), Ct);

        Assert.Equal(AuthErrors.InvalidMfaToken, again.Error?.Code);
    }

    [Fact]
    public async Task Verify_WrongCode_CountsTowardLockoutAndKeepsTheToken()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (secret, _) = await mfa.EnrolAsync(user);
        var token = await mfa.ChallengeAsync(user);

        var wrong = await mfa.Verify.ExecuteAsync(Code(token, Wrong(mfa.CodeAt(secret))), Ct);
        var retry = await mfa.Verify.ExecuteAsync(Code(token, mfa.CodeAt(secret)), Ct);

        Assert.Equal(AuthErrors.InvalidMfaCode, wrong.Error?.Code);
        Assert.True(retry.IsSuccess);
        Assert.Equal(0, (await mfa.ReloadAsync(user.Id)).FailedSignInCount);
    }

    [Fact]
    public async Task Verify_WrongCodesUpToThreshold_LockTheAccountEvenForTheRightCode()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (secret, _) = await mfa.EnrolAsync(user);
        var token = await mfa.ChallengeAsync(user);
        var threshold = mfa.Settings.Current.Settings.Security.LockoutThreshold;
        for (var i = 0; i < threshold; i++)
            Assert.Equal(AuthErrors.InvalidMfaCode, (await mfa.Verify.ExecuteAsync(Code(token, Wrong(mfa.CodeAt(secret))), Ct)).Error?.Code);

        var right = await mfa.Verify.ExecuteAsync(Code(token, mfa.CodeAt(secret)), Ct);

        Assert.Equal(AuthErrors.RateLimitExceeded, right.Error?.Code);
        Assert.NotNull((await mfa.ReloadAsync(user.Id)).LockoutEndsAt);
    }

    [Fact]
    public async Task Verify_RecoveryCode_WorksOnce()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (_, codes) = await mfa.EnrolAsync(user);

        var first = await mfa.Verify.ExecuteAsync(Recovery(await mfa.ChallengeAsync(user), codes[3].ToUpperInvariant()), Ct);
        var second = await mfa.Verify.ExecuteAsync(Recovery(await mfa.ChallengeAsync(user), codes[3]), Ct);

        Assert.True(first.IsSuccess);
        Assert.Equal(AuthErrors.InvalidMfaCode, second.Error?.Code);
        await using var db = mfa.Db.CreateDbContext();
        Assert.Equal("pwd recovery", (await db.Sessions.SingleAsync(Ct)).Amr);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("123456", "abcde-fghjk")]
    public async Task Verify_NotExactlyOneCode_IsValidationError(string? code, string? recoveryCode)
    {
        await using var mfa = await MfaTestContext.CreateAsync();

        var result = await mfa.Verify.ExecuteAsync(new MfaVerifyCommand("mfa-x", code, recoveryCode, ClientInfo.None), Ct);

        Assert.Equal(AuthErrors.ValidationError, result.Error?.Code);
    }

    [Fact]
    public async Task Require_UserWithConfirmedFactor_AnswersMfaRequiredWithTokenAndFactors()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var plain = await mfa.AddUserAsync("plain@example.test");
        var user = await mfa.AddUserAsync();
        await mfa.EnrolAsync(user);
        await using var db = mfa.Db.CreateDbContext();

        var none = await mfa.Challenges.RequireAsync(db, plain, "pwd", Ct);
        var required = await mfa.Challenges.RequireAsync(db, user, "pwd", Ct);
        await db.SaveChangesAsync(Ct);

        Assert.Null(none);
        Assert.Equal(AuthErrors.MfaRequired, required?.Code);
        var token = Assert.IsType<string>(required!.Details!["mfaToken"]);
        Assert.True(token.Length >= 4 + 32, "at least 128 random bits");
        Assert.Equal(["totp"], Assert.IsAssignableFrom<IReadOnlyList<string>>(required.Details["factors"]));
        Assert.DoesNotContain(token, (await db.MfaChallenges.SingleAsync(Ct)).TokenHash);
    }
}
