using System.Net;
using Auth.Runtime.Tests.Infrastructure;
using Auth.Runtime.Tests.Suites;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>
/// The sign-ins that need a message (SMS code, magic link) and phone passwords: for a user with an authenticator each
/// answers mfa_required instead of a session, and the verify step opens the session with both methods in its amr.
/// </summary>
public abstract class MfaSignInFlowsSuite(AppFixture fixture) : SmsSuiteBase(fixture)
{
    protected override object? Baseline => new
    {
        smtp = SmtpPatch,
        phone = new { enabled = true },
        sms = TwilioPatch,
        security = new { sendCooldownSeconds = 0 },
        mfa = new { enabled = true },
    };

    [Fact]
    public async Task SignInWithPhoneAndWithCode_EnrolledUser_AnswerMfaRequired()
    {
        var phone = NewPhone();
        (await PostAsync("/auth/signup-phone", new { phone, password = Password, name = "Jobby" })).AssertStatus(HttpStatusCode.OK);
        var verified = await PostAsync("/auth/verify-phone", new { phone, code = await CodeAsync(phone) });
        verified.AssertStatus(HttpStatusCode.OK);
        var userId = verified.Body!["user"]!["_id"]!.GetValue<string>();
        var (secret, _) = await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, verified.Body!["session"]!["token"]!.GetValue<string>());

        var byPassword = MfaSteps.MfaToken(await PostAsync("/auth/signin-phone", new { phone, password = Password }));
        (await PostAsync("/auth/mfa/verify", new { mfaToken = byPassword, code = MfaSteps.Code(secret, Fixture.Time) })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("pwd totp", await MfaSteps.LatestAmrAsync(Db(), userId));

        Fixture.Time.Advance(TimeSpan.FromSeconds(30));
        (await PostAsync("/auth/send-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var byCode = MfaSteps.MfaToken(await PostAsync("/auth/signin-code", new { phone, code = await CodeAsync(phone, 2) }));
        (await PostAsync("/auth/mfa/verify", new { mfaToken = byCode, code = MfaSteps.Code(secret, Fixture.Time) })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("sms totp", await MfaSteps.LatestAmrAsync(Db(), userId));
    }

    [Fact]
    public async Task MagicLink_EnrolledUser_GrantAnswersMfaRequired()
    {
        var email = await SignUpVerifiedAsync();
        var signIn = await PostAsync("/auth/signin-email", new { email, password = Password });
        signIn.AssertStatus(HttpStatusCode.OK);
        var userId = signIn.Body!["user"]!["_id"]!.GetValue<string>();
        var (secret, _) = await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, signIn.Body!["session"]!["token"]!.GetValue<string>());

        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 2);
        var query = await FollowAsync(LinkIn(Smtp.To(email)[^1]));
        var mfaToken = MfaSteps.MfaToken(await PostAsync("/auth/grant", new { accessToken = query["access_token"] }));

        (await PostAsync("/auth/mfa/verify", new { mfaToken, code = MfaSteps.Code(secret, Fixture.Time) })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("email totp", await MfaSteps.LatestAmrAsync(Db(), userId));
    }

    [Fact]
    public async Task VerifyPhone_ChangePhoneCodeOfAnEnrolledUser_AnswersMfaRequiredAndStillSwitchesTheNumber()
    {
        var phone = NewPhone();
        (await PostAsync("/auth/signup-phone", new { phone, password = Password, name = "Jobby" })).AssertStatus(HttpStatusCode.OK);
        var verified = await PostAsync("/auth/verify-phone", new { phone, code = await CodeAsync(phone) });
        verified.AssertStatus(HttpStatusCode.OK);
        var userId = verified.Body!["user"]!["_id"]!.GetValue<string>();
        var session = verified.Body!["session"]!["token"]!.GetValue<string>();
        var (secret, _) = await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);
        var newPhone = NewPhone();
        (await PostAsync("/auth/change-phone", new { password = Password, newPhone }, session)).AssertStatus(HttpStatusCode.OK);
        int sessionsBefore;
        await using (var db = Db())
            sessionsBefore = db.Sessions.Count(s => s.UserId == userId);

        var mfaToken = MfaSteps.MfaToken(await PostAsync("/auth/verify-phone", new { phone = newPhone, code = await CodeAsync(newPhone) }));

        await using (var db = Db())
        {
            Assert.Equal(sessionsBefore, db.Sessions.Count(s => s.UserId == userId));
            var user = db.Users.Single(u => u.Id == userId);
            Assert.Equal((newPhone, true), (user.Phone, user.PhoneVerified));
        }
        (await PostAsync("/auth/mfa/verify", new { mfaToken, code = MfaSteps.Code(secret, Fixture.Time) })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("sms totp", await MfaSteps.LatestAmrAsync(Db(), userId));
    }
}
