using System.Net;
using Auth.Core.Activity;
using Auth.Runtime.Tests.Infrastructure;
using Auth.Runtime.Tests.Messaging;
using static Auth.Runtime.Tests.Activity.ActivityEvents;

namespace Auth.Runtime.Tests.Activity;

/// <summary>The phone flows' events through a loopback Twilio: a verified number, a failed code sign-in.</summary>
public abstract class ActivityPhoneSuite(AppFixture fixture) : SmsSuiteBase(fixture)
{
    [Fact]
    public async Task VerifyPhone_WritesPhoneVerified_WithoutTheCode()
    {
        var phone = NewPhone();
        var signUp = await PostAsync("/auth/signup-phone", new { phone, password = Password, name = "Jobby" });
        signUp.AssertStatus(HttpStatusCode.OK);
        var userId = signUp.Body!["user"]!["_id"]!.GetValue<string>();
        var code = await CodeAsync(phone);
        (await PostAsync("/auth/verify-phone", new { phone, code })).AssertStatus(HttpStatusCode.OK);

        var events = await ReadAsync(Fixture, $"userId={userId}");

        var verified = Assert.Single(events, e => Type(e) == EventTypes.PhoneVerified);
        Assert.Equal("sms", Detail(verified, "channel"));
        Assert.Equal(EventTypes.SignUp, Type(events[^1]));
        AssertNoSecret(events, code, Password);
    }

    [Fact]
    public async Task SignInWithCode_WrongCode_WritesAFailedSignInWithTheErrorCodeOnly()
    {
        var agent = $"ActivityPhone/{Guid.NewGuid():N}";
        Client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        var phone = NewPhone();
        (await PostAsync("/auth/signup-phone", new { phone, password = Password, name = "Jobby" })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/verify-phone", new { phone, code = await CodeAsync(phone) })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/send-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var code = await CodeAsync(phone, 2);
        var wrong = code == "000000" ? "000001" : "000000";
        (await PostAsync("/auth/signin-code", new { phone, code = wrong })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
        (await PostAsync("/auth/signin-code", new { phone, code })).AssertStatus(HttpStatusCode.OK);

        var failed = (await ReadAsync(Fixture, $"type={EventTypes.SignInFailed}&limit=200")).Single(e => e["userAgent"]?.GetValue<string>() == agent);
        var signIn = (await ReadAsync(Fixture, $"type={EventTypes.SignIn}&limit=200")).First(e => e["userAgent"]?.GetValue<string>() == agent);

        Assert.Equal(("invalid_code", "sms"), (Detail(failed, "code"), Detail(failed, "method")));
        Assert.Equal("sms", Detail(signIn, "method"));
        AssertNoSecret([failed, signIn], code, wrong, phone);
    }
}
