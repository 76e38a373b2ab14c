using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// <c>mfa.required</c> on the real host: a session without a second factor may only enrol one until it confirms it;
/// and how a session was proven (<c>amr</c>) shows in the session JSON, the session list and the JWT.
/// </summary>
public abstract class MfaRequiredSuite(AppFixture fixture) : SuiteBase(fixture)
{
    protected override object? Baseline => new
    {
        email = new { confirmEmail = false },
        mfa = new { enabled = true, required = true },
        security = new { lockoutThreshold = 5, lockoutMinutes = 15 },
    };

    [Fact]
    public async Task SignUp_MfaRequiredWithoutFactor_SessionCanOnlyEnrolUntilConfirmed()
    {
        var signUp = await PostAsync("/auth/signup-email", new { email = NewEmail(), password = Password, name = "R", redirectURL = RedirectUrl });
        signUp.AssertStatus(HttpStatusCode.OK);
        Assert.True(signUp.Body!["mfaEnrollmentRequired"]!.GetValue<bool>());
        var session = signUp.Body!["session"]!["token"]!.GetValue<string>();

        (await GetAsync("/auth/user", session)).AssertStatus(HttpStatusCode.OK);
        (await GetAsync("/auth/sessions", session)).AssertError(HttpStatusCode.Forbidden, "mfa_enrollment_required");
        (await GetAsync("/auth/mfa/factors", session)).AssertError(HttpStatusCode.Forbidden, "mfa_enrollment_required");
        (await PostAsync("/auth/change-pwd", new { currentPassword = Password, newPassword = "another horse 2" }, session))
            .AssertError(HttpStatusCode.Forbidden, "mfa_enrollment_required");

        await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);

        var sessions = await GetAsync("/auth/sessions", session);
        sessions.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["pwd", "totp"], Amr(sessions.Json!.AsArray().Single(s => s!["current"]!.GetValue<bool>())!));
        (await GetAsync("/auth/mfa/factors", session)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignOut_EnrolmentOnlySession_IsAllowed()
    {
        var (_, session, _) = await SignUpWithSessionAsync();

        (await PostAsync("/auth/signout", new { }, session)).AssertStatus(HttpStatusCode.OK);

        (await GetAsync("/auth/user", session)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    [Fact]
    public async Task RequiredTurnedOn_SessionOpenedBefore_IsRestrictedAndTurnedOffAgainIsNot()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, mfa = new { enabled = true, required = false } });
        var (_, session, _) = await SignUpWithSessionAsync();
        (await GetAsync("/auth/sessions", session)).AssertStatus(HttpStatusCode.OK);

        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, mfa = new { enabled = true, required = true } });
        (await GetAsync("/auth/sessions", session)).AssertError(HttpStatusCode.Forbidden, "mfa_enrollment_required");

        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, mfa = new { enabled = true, required = false } });
        (await GetAsync("/auth/sessions", session)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_EnrolledUser_VerifiedSessionCarriesAmrInJsonAndJwt()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        Assert.Equal(["pwd"], JwtAmr(session));
        var (secret, _) = await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);
        var mfaToken = MfaSteps.MfaToken(await PostAsync("/auth/signin-email", new { email, password = Password }));

        var verified = await PostAsync("/auth/mfa/verify", new { mfaToken, code = MfaSteps.Code(secret, Fixture.Time) });

        verified.AssertStatus(HttpStatusCode.OK);
        Assert.Null(verified.Body!["mfaEnrollmentRequired"]);
        Assert.Equal(["pwd", "totp"], Amr(verified.Body!["session"]!));
        var token = verified.Body!["session"]!["token"]!.GetValue<string>();
        Assert.Equal(["pwd", "otp", "mfa"], JwtAmr(token));
        (await GetAsync("/auth/sessions", token)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Verify_RecoveryCode_SessionIsFullAndJwtSaysOtp()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        var (_, recoveryCodes) = await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);
        var mfaToken = MfaSteps.MfaToken(await PostAsync("/auth/signin-email", new { email, password = Password }));

        var verified = await PostAsync("/auth/mfa/verify", new { mfaToken, recoveryCode = recoveryCodes[0] });

        verified.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["pwd", "recovery"], Amr(verified.Body!["session"]!));
        Assert.Equal(["pwd", "otp", "mfa"], JwtAmr(verified.Body!["session"]!["token"]!.GetValue<string>()));
        (await GetAsync("/auth/sessions", verified.Body!["session"]!["token"]!.GetValue<string>())).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminResetMfa_RemovesFactorsAndEndsSessions_ThenSignInNeedsEnrolmentAgain()
    {
        var (email, session, user) = await SignUpWithSessionAsync();
        await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);
        var mfaToken = MfaSteps.MfaToken(await PostAsync("/auth/signin-email", new { email, password = Password }));
        using var admin = await Fixture.CreateOperatorClientAsync();

        var reset = await ApiResponse.ReadAsync(await admin.DeleteAsync($"/admin/api/users/{user["_id"]!.GetValue<string>()}/mfa", TestContext.Current.CancellationToken));

        reset.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(1, reset.Body!["sessionsEnded"]!.GetValue<int>());
        (await GetAsync("/auth/user", session)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
        (await PostAsync("/auth/mfa/verify", new { mfaToken, code = "000000" })).AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_token");
        var signIn = await PostAsync("/auth/signin-email", new { email, password = Password });
        signIn.AssertStatus(HttpStatusCode.OK);
        Assert.True(signIn.Body!["mfaEnrollmentRequired"]!.GetValue<bool>());
        var unknown = await ApiResponse.ReadAsync(await admin.DeleteAsync("/admin/api/users/000000000000000000000000/mfa", TestContext.Current.CancellationToken));
        unknown.AssertError(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task AdminResetMfa_WithoutOperatorToken_IsRefused()
    {
        var (_, session, user) = await SignUpWithSessionAsync();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/admin/api/users/{user["_id"]!.GetValue<string>()}/mfa");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session);

        var response = await ApiResponse.ReadAsync(await Client.SendAsync(request, TestContext.Current.CancellationToken));

        response.AssertError(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static List<string> Amr(JsonNode session) => session["amr"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    private static List<string> JwtAmr(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!;
        return json["amr"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
    }
}
