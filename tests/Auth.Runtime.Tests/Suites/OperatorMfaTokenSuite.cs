using System.Net;
using Auth.Core.Activity;
using Auth.Core.Operators;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// The management API's token endpoint for an operator with an authenticator (ADR 0021): no code, no token; a right code
/// works once; wrong codes count toward the operator's lockout, also when they arrive at once; a recovery code works once.
/// </summary>
public abstract class OperatorMfaTokenSuite(AppFixture fixture) : OperatorMfaSuiteBase(fixture)
{
    [Fact]
    public async Task Token_WithoutACode_Answers401MfaRequired_AndIssuesNothing()
    {
        var (op, _, _) = await EnrolledOperatorAsync();

        var response = await TokenAsync(new { email = op.Email, password = OperatorPassword });

        var error = response.AssertError(HttpStatusCode.Unauthorized, "mfa_required");
        Assert.Equal("totp", error["details"]!["factors"]![0]!.GetValue<string>());
        Assert.Null(response.Body!["token"]);
        Assert.Equal(0, (await ReloadAsync(op.Id)).FailedSignInCount);
    }

    [Fact]
    public async Task Token_WithTheRightCode_IssuesATokenThatOpensTheApi()
    {
        var (op, secret, _) = await EnrolledOperatorAsync();

        var response = await TokenAsync(new { email = op.Email, password = OperatorPassword, code = Code(secret) });

        response.AssertStatus(HttpStatusCode.OK);
        using var client = ClientWith(response.Body!["token"]!.GetValue<string>());
        (await SendAsync(client, "GET", "/admin/api/operators")).AssertStatus(HttpStatusCode.OK);
        Assert.NotNull((await ReloadAsync(op.Id)).LastLoginAt);
    }

    [Fact]
    public async Task Token_WithACodeUsedOnce_IsRefusedForTheRestOfItsWindow()
    {
        var (op, secret, _) = await EnrolledOperatorAsync();
        var code = Code(secret);
        (await TokenAsync(new { email = op.Email, password = OperatorPassword, code })).AssertStatus(HttpStatusCode.OK);

        (await TokenAsync(new { email = op.Email, password = OperatorPassword, code })).AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        Fixture.Time.Advance(TimeSpan.FromSeconds(20));
        (await TokenAsync(new { email = op.Email, password = OperatorPassword, code })).AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_code");

        Fixture.Time.Advance(TimeSpan.FromSeconds(30));
        (await TokenAsync(new { email = op.Email, password = OperatorPassword, code = Code(secret) })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_WrongCodes_LockTheOperator_ThenEvenTheRightCodeIsRefused()
    {
        var (op, secret, _) = await EnrolledOperatorAsync();

        for (var i = 0; i < OperatorService.LockoutThreshold; i++)
            (await TokenAsync(new { email = op.Email, password = OperatorPassword, code = WrongCode(secret) }))
                .AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_code");

        Assert.True((await ReloadAsync(op.Id)).LockoutEndsAt > Fixture.Time.GetUtcNow().UtcDateTime);
        // Locked: the password step answers like a wrong password (the endpoint is public), the code isn't checked.
        (await TokenAsync(new { email = op.Email, password = OperatorPassword, code = Code(secret) }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Contains(EventTypes.OperatorMfaFailed, await EventTypesOfAsync(op.Id));
    }

    [Fact]
    public async Task Token_ParallelWrongCodes_CheckAtMostTheThreshold_AndLockTheOperator()
    {
        var (op, secret, _) = await EnrolledOperatorAsync();
        var wrong = WrongCode(secret);

        var parallel = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => TokenAsync(new { email = op.Email, password = OperatorPassword, code = wrong }), Ct)));

        Assert.DoesNotContain(parallel, r => r.Status == HttpStatusCode.OK);
        var checkedCodes = parallel.Count(IsWrongCode);
        // Attempts refused while every slot was taken answer like a wrong password; the rest bring the count to the lock.
        for (var i = 0; i < OperatorService.LockoutThreshold && (await ReloadAsync(op.Id)).LockoutEndsAt is null; i++)
            if (IsWrongCode(await TokenAsync(new { email = op.Email, password = OperatorPassword, code = wrong }))) checkedCodes++;

        Assert.InRange(checkedCodes, 1, OperatorService.LockoutThreshold);
        Assert.True((await ReloadAsync(op.Id)).LockoutEndsAt > Fixture.Time.GetUtcNow().UtcDateTime);
        Assert.NotEqual(HttpStatusCode.OK, (await TokenAsync(new { email = op.Email, password = OperatorPassword, code = Code(secret) })).Status);
    }

    [Fact]
    public async Task Token_WithARecoveryCode_WorksOnce_AndIsRecorded()
    {
        var (op, _, recoveryCodes) = await EnrolledOperatorAsync();

        (await TokenAsync(new { email = op.Email, password = OperatorPassword, recoveryCode = recoveryCodes[3] })).AssertStatus(HttpStatusCode.OK);
        (await TokenAsync(new { email = op.Email, password = OperatorPassword, recoveryCode = recoveryCodes[3] }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_code");

        var events = await EventTypesOfAsync(op.Id);
        Assert.Equal(1, events.Count(e => e == EventTypes.OperatorRecoveryCodeUsed));
        Assert.Contains(EventTypes.OperatorMfaEnrolled, events);
    }

    [Fact]
    public async Task Token_WithAWrongPassword_AndARightCode_AnswersInvalidCredentials()
    {
        var (op, secret, _) = await EnrolledOperatorAsync();

        (await TokenAsync(new { email = op.Email, password = "not the password at all", code = Code(secret) }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(1, (await ReloadAsync(op.Id)).FailedSignInCount);
    }

    private static bool IsWrongCode(ApiResponse response) =>
        response.Status == HttpStatusCode.Unauthorized && response.Raw.Contains("\"invalid_mfa_code\"", StringComparison.Ordinal);
}
