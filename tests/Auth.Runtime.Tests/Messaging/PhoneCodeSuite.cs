using System.Net;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>Every flow that texts a code, end to end through a loopback Twilio.</summary>
public abstract class PhoneCodeSuite(AppFixture fixture) : SmsSuiteBase(fixture)
{
    private async Task<string> SignUpPhoneAsync(string? phone = null)
    {
        phone ??= NewPhone();
        (await PostAsync("/auth/signup-phone", new { phone, password = Password, name = "Jobby" })).AssertStatus(HttpStatusCode.OK);
        return phone;
    }

    private async Task<string> SignUpVerifiedPhoneAsync()
    {
        var phone = await SignUpPhoneAsync();
        (await PostAsync("/auth/verify-phone", new { phone, code = await CodeAsync(phone) })).AssertStatus(HttpStatusCode.OK);
        return phone;
    }

    private static string Wrong(string code) => code == "000000" ? "000001" : "000000";

    [Fact]
    public async Task SignUpWithPhone_ConfirmPhoneOn_TextsCodeThatVerifiesAndSignsIn()
    {
        var phone = await SignUpPhoneAsync();
        var code = await CodeAsync(phone);
        Assert.Matches(@"^\d{6}$", code);
        Assert.Contains("is your My App verification code. It expires in 10 minutes.", TextsTo(phone)[0].Form["Body"], StringComparison.Ordinal);

        var verified = await PostAsync("/auth/verify-phone", new { phone, code });
        verified.AssertStatus(HttpStatusCode.OK);
        Assert.True(verified.Body!["user"]!["phoneVerified"]!.GetValue<bool>());
        Assert.NotNull(verified.Body!["session"]!["token"]);
        (await PostAsync("/auth/signin-phone", new { phone, password = Password })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/verify-phone", new { phone, code })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task VerifyPhone_FiveWrongCodes_BurnsTheCodeWithTooManyAttempts()
    {
        var phone = await SignUpPhoneAsync();
        var code = await CodeAsync(phone);
        for (var i = 0; i < 4; i++)
            (await PostAsync("/auth/verify-phone", new { phone, code = Wrong(code) })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
        (await PostAsync("/auth/verify-phone", new { phone, code = Wrong(code) })).AssertError(HttpStatusCode.TooManyRequests, "too_many_attempts");
        (await PostAsync("/auth/verify-phone", new { phone, code })).AssertError(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task VerifyPhone_ExpiredCode_ReturnsInvalidCode()
    {
        var phone = await SignUpPhoneAsync();
        var code = await CodeAsync(phone);
        Fixture.Time.Advance(TimeSpan.FromSeconds(601));
        (await PostAsync("/auth/verify-phone", new { phone, code })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task ResendCode_UnverifiedPhone_NewCodeVoidsTheOlderOne()
    {
        var phone = await SignUpPhoneAsync();
        var first = await CodeAsync(phone);
        (await PostAsync("/auth/resend-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var second = await CodeAsync(phone, 2);

        if (first != second)
            (await PostAsync("/auth/verify-phone", new { phone, code = first })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
        (await PostAsync("/auth/verify-phone", new { phone, code = second })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResendCode_VerifiedPhone_ReturnsPhoneAlreadyVerified()
    {
        var phone = await SignUpVerifiedPhoneAsync();
        (await PostAsync("/auth/resend-code", new { phone })).AssertError(HttpStatusCode.Conflict, "phone_already_verified");
    }

    [Fact]
    public async Task SendSignInCode_UnverifiedPhone_ReturnsPhoneNotVerified()
    {
        var phone = await SignUpPhoneAsync();
        (await PostAsync("/auth/send-code", new { phone })).AssertError(HttpStatusCode.Unauthorized, "phone_not_verified");
    }

    [Fact]
    public async Task SendSignInCode_CodeSignInOff_ReturnsSmsAuthCodesDisabled()
    {
        await Fixture.PublishAsync(new { phone = new { enabled = true, allowCodeSignIn = false }, sms = TwilioPatch });
        (await PostAsync("/auth/send-code", new { phone = NewPhone() })).AssertError(HttpStatusCode.Forbidden, "sms_auth_codes_disabled");
        (await PostAsync("/auth/signin-code", new { phone = NewPhone(), code = "123456" })).AssertError(HttpStatusCode.Forbidden, "sms_auth_codes_disabled");
    }

    [Fact]
    public async Task SendSignInCode_PhoneAuthDisabled_ReturnsNotAllowed()
    {
        await Fixture.PublishAsync(new { sms = TwilioPatch });
        (await PostAsync("/auth/send-code", new { phone = NewPhone() })).AssertError(HttpStatusCode.Forbidden, "not_allowed");
    }

    [Fact]
    public async Task SignInWithCode_VerifiedPhone_ReturnsUserAndSessionOnce()
    {
        var phone = await SignUpVerifiedPhoneAsync();
        (await PostAsync("/auth/send-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var code = await CodeAsync(phone, 2);
        Assert.Contains("sign-in code", TextsTo(phone)[1].Form["Body"], StringComparison.Ordinal);

        var signIn = await PostAsync("/auth/signin-code", new { phone, code });
        signIn.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(phone, signIn.Body!["user"]!["phone"]!.GetValue<string>());
        (await GetAsync("/auth/user", signIn.Body!["session"]!["token"]!.GetValue<string>())).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/signin-code", new { phone, code })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task SignInWithCode_CodeIssuedForAnotherPurpose_DoesNotWork()
    {
        var phone = await SignUpVerifiedPhoneAsync();
        (await PostAsync("/auth/send-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var signInCode = await CodeAsync(phone, 2);
        (await PostAsync("/auth/verify-phone", new { phone, code = signInCode })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
        (await PostAsync("/auth/reset-pwd-code", new { phone, code = signInCode, newPassword = "a brand new passphrase" }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_code");

        (await PostAsync("/auth/send-reset-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var resetCode = await CodeAsync(phone, 3);
        if (resetCode != signInCode)
            (await PostAsync("/auth/signin-code", new { phone, code = resetCode })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
        (await PostAsync("/auth/signin-code", new { phone, code = signInCode })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInWithCode_TwentyParallelRedemptions_ExactlyOneSucceeds()
    {
        var phone = await SignUpVerifiedPhoneAsync();
        (await PostAsync("/auth/send-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var code = await CodeAsync(phone, 2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync("/auth/signin-code", new { phone, code })));
        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => r.AssertError(HttpStatusCode.Unauthorized, "invalid_code"));
    }

    [Fact]
    public async Task ResetPasswordWithCode_ValidCode_SetsPasswordAndEndsSessions()
    {
        var phone = await SignUpVerifiedPhoneAsync();
        var session = (await PostAsync("/auth/signin-phone", new { phone, password = Password })).Body!["session"]!["token"]!.GetValue<string>();
        (await PostAsync("/auth/send-reset-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var code = await CodeAsync(phone, 2);

        (await PostAsync("/auth/reset-pwd-code", new { phone, code, newPassword = "x" })).AssertError(HttpStatusCode.BadRequest, "validation_error");
        (await PostAsync("/auth/reset-pwd-code", new { phone, code, newPassword = "a brand new passphrase" })).AssertStatus(HttpStatusCode.OK);
        (await GetAsync("/auth/user", session)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
        (await PostAsync("/auth/signin-phone", new { phone, password = "a brand new passphrase" })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/reset-pwd-code", new { phone, code, newPassword = "another new passphrase" })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task ChangePhone_CodeSentToTheNewNumber_VerifyPhoneSwitchesIt()
    {
        var phone = await SignUpVerifiedPhoneAsync();
        var session = (await PostAsync("/auth/signin-phone", new { phone, password = Password })).Body!["session"]!["token"]!.GetValue<string>();
        var newPhone = NewPhone();

        (await PostAsync("/auth/change-phone", new { password = "wrong password 1", newPhone }, session)).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await PostAsync("/auth/change-phone", new { password = Password, newPhone }, session)).AssertStatus(HttpStatusCode.OK);
        var code = await CodeAsync(newPhone);
        Assert.Equal(phone, (await GetAsync("/auth/user", session)).Body!["phone"]!.GetValue<string>());
        (await PostAsync("/auth/verify-phone", new { phone, code })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");

        var switched = await PostAsync("/auth/verify-phone", new { phone = newPhone, code });
        switched.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(newPhone, switched.Body!["user"]!["phone"]!.GetValue<string>());
        Assert.True(switched.Body!["user"]!["phoneVerified"]!.GetValue<bool>());
        (await PostAsync("/auth/signin-phone", new { phone = newPhone, password = Password })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SendSignInCode_WithinCooldown_Returns429WithRetryAfter()
    {
        var phone = await SignUpVerifiedPhoneAsync();
        await Fixture.PublishAsync(new { phone = new { enabled = true }, sms = TwilioPatch, security = new { sendCooldownSeconds = 60 } });
        Fixture.Time.Advance(TimeSpan.FromSeconds(61)); // the sign-up code went to this number moments ago
        (await PostAsync("/auth/send-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var limited = await PostAsync("/auth/send-code", new { phone });
        limited.AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.True(limited.Message.Headers.Contains("Retry-After"));
        Fixture.Time.Advance(TimeSpan.FromSeconds(60));
        (await PostAsync("/auth/send-code", new { phone })).AssertStatus(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/auth/send-code")]
    [InlineData("/auth/send-reset-code")]
    [InlineData("/auth/resend-code")]
    public async Task PhoneSends_EnumerationProtectionOn_UnknownNumbersAnswerEmptySuccess(string path)
    {
        await Fixture.PublishAsync(new { phone = new { enabled = true }, sms = TwilioPatch, security = new { sendCooldownSeconds = 0, enumerationProtection = true } });
        var response = await PostAsync(path, new { phone = NewPhone() });
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("{}", response.Raw);

        await Fixture.PublishAsync(new { phone = new { enabled = true }, sms = TwilioPatch, security = new { sendCooldownSeconds = 0 } });
        (await PostAsync(path, new { phone = NewPhone() })).AssertError(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task Sms_NoProviderCredentials_CapturedInTheDevMailbox()
    {
        await Fixture.PublishAsync(new { phone = new { enabled = true }, security = new { sendCooldownSeconds = 0 } });
        var phone = await SignUpPhoneAsync();
        await Dispatcher.DispatchOnceAsync(Ct);

        var message = Assert.Single(await MessagesAsync(phone))!.AsObject();
        Assert.Equal("captured", message["status"]!.GetValue<string>());
        Assert.Equal("sms", message["channel"]!.GetValue<string>());
        Assert.Equal("verify_sms_code", message["type"]!.GetValue<string>());
        var code = System.Text.RegularExpressions.Regex.Match(message["body"]!.GetValue<string>(), @"\d{6}").Value;
        (await PostAsync("/auth/verify-phone", new { phone, code })).AssertStatus(HttpStatusCode.OK);
        Assert.Empty(TextsTo(phone));

        await using var db = Db();
        var token = await db.OneTimeTokens.SingleAsync(t => t.Target == phone, Ct);
        Assert.NotEqual(Auth.Core.Tokens.TokenHashing.Hash(code), token.TokenHash);
    }
}
