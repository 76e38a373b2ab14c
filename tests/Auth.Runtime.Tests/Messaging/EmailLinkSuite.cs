using System.Net;
using Auth.Core.Tokens;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>Every flow that e-mails a link, end to end through MailKit and a real SMTP server: sign-up, resend, magic link.</summary>
public abstract partial class EmailLinkSuite(AppFixture fixture) : MessagingSuiteBase(fixture)
{
    [Fact]
    public async Task SignUpWithEmail_ConfirmEmailOn_SendsLinkThatVerifiesAndGrants()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, name = "Rooby", redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);

        var mail = await MailAsync(email);
        Assert.Equal("Confirm your email address for My App", mail.Message.Subject);
        Assert.Equal("\"Auth Test\" <no-reply@auth.test>", mail.Message.From.ToString());
        Assert.Contains("Hi Rooby", mail.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("expires in 1 hour", mail.Message.TextBody, StringComparison.Ordinal);
        var link = LinkIn(mail);
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), mail.Message.HtmlBody, StringComparison.Ordinal);

        var query = await FollowAsync(link);
        Assert.StartsWith("at-", query["access_token"], StringComparison.Ordinal);
        Assert.Equal("email-confirm", query["action"]);
        Assert.Equal("200", query["status"]);

        var grant = await PostAsync("/auth/grant", new { accessToken = query["access_token"] });
        grant.AssertStatus(HttpStatusCode.OK);
        Assert.True(grant.Body!["user"]!["emailVerified"]!.GetValue<bool>());
        Assert.NotNull(grant.Body!["session"]!["token"]);
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);

        // Single use: the same link now redirects with an error.
        var again = await FollowAsync(link);
        Assert.Equal("invalid_link", again["code"]);
        Assert.Equal("401", again["status"]);
        Assert.False(again.ContainsKey("access_token"));
    }

    [Fact]
    public async Task SignUpWithEmail_ConfirmEmailOn_StoresTokenHashedAndMessageTogether()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);

        await using var db = Db();
        var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
        var token = await db.OneTimeTokens.SingleAsync(t => t.UserId == user.Id && t.Purpose == TokenPurposes.ConfirmEmail, Ct);
        var message = await db.OutboxMessages.SingleAsync(m => m.To == email, Ct);
        Assert.Equal("confirm_email", message.Type);
        Assert.Equal(64, token.TokenHash.Length);
        var key = System.Text.RegularExpressions.Regex.Match(message.Body, "key=([0-9a-f]+)").Groups[1].Value;
        Assert.True(key.Length * 4 >= 128, "a link key carries at least 128 random bits");
        Assert.Equal(TokenHashing.Hash(key), token.TokenHash);
        Assert.DoesNotContain(key, token.TokenHash, StringComparison.Ordinal);
        Assert.Equal(token.CreatedAt.AddSeconds(3600), token.ExpiresAt);
    }

    [Fact]
    public async Task Resend_UnverifiedEmail_SendsNewLinkAndVoidsTheOldOne()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var first = LinkIn(await MailAsync(email));

        (await PostAsync("/auth/resend", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 2);
        var second = LinkIn(Smtp.To(email)[^1]);
        Assert.NotEqual(first, second);

        Assert.Equal("invalid_link", (await FollowAsync(first))["code"]);
        Assert.Equal("200", (await FollowAsync(second))["status"]);
    }

    [Fact]
    public async Task Resend_VerifiedEmail_ReturnsEmailAlreadyVerified()
    {
        var email = await SignUpVerifiedAsync();
        (await PostAsync("/auth/resend", new { email, redirectURL = RedirectUrl })).AssertError(HttpStatusCode.Conflict, "email_already_verified");
    }

    [Fact]
    public async Task Resend_WithinCooldown_Returns429WithRetryAfterUntilTheCooldownPasses()
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, security = new { sendCooldownSeconds = 60 } });
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);

        var limited = await PostAsync("/auth/resend", new { email, redirectURL = RedirectUrl });
        limited.AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        var retryAfter = int.Parse(limited.Message.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);

        Fixture.Time.Advance(TimeSpan.FromSeconds(61));
        (await PostAsync("/auth/resend", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SendMagicLink_UnverifiedEmail_ReturnsEmailNotVerified()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertError(HttpStatusCode.Unauthorized, "email_not_verified");
    }

    [Fact]
    public async Task SendMagicLink_ConfirmEmailOff_ReturnsEmailVerificationDisabled()
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, email = new { confirmEmail = false } });
        (await PostAsync("/auth/send-magic", new { email = NewEmail(), redirectURL = RedirectUrl }))
            .AssertError(HttpStatusCode.Forbidden, "email_verification_disabled");
    }

    [Fact]
    public async Task SendMagicLink_VerifiedEmail_LinkRedirectsWithAccessTokenThatGrantsASession()
    {
        var email = await SignUpVerifiedAsync();
        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);

        await WaitForCountAsync(email, 2);
        var magic = Smtp.To(email)[^1];
        Assert.Equal("Your sign-in link for My App", magic.Message.Subject);
        var query = await FollowAsync(LinkIn(magic));
        Assert.Equal("magic-link", query["action"]);

        var grant = await PostAsync("/auth/grant", new { accessToken = query["access_token"] });
        grant.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(email, grant.Body!["user"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMagicLink_RedirectNotAllowed_ReturnsInvalidRedirectUrl()
    {
        var email = await SignUpVerifiedAsync();
        (await PostAsync("/auth/send-magic", new { email, redirectURL = "https://evil.example/steal" }))
            .AssertError(HttpStatusCode.BadRequest, "invalid_redirect_url");
        (await PostAsync("/auth/send-magic", new { email })).AssertError(HttpStatusCode.BadRequest, "redirect_url_missing");
    }

    [Fact]
    public async Task SendMagicLink_UnknownEmail_ReturnsUserNotFound()
    {
        (await PostAsync("/auth/send-magic", new { email = NewEmail(), redirectURL = RedirectUrl })).AssertError(HttpStatusCode.NotFound, "user_not_found");
    }

    [Theory]
    [InlineData("/auth/send-magic")]
    [InlineData("/auth/send-reset")]
    [InlineData("/auth/resend")]
    public async Task EmailSends_EnumerationProtectionOn_UnknownAndUnverifiedAnswerEmptySuccess(string path)
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, security = new { sendCooldownSeconds = 0, enumerationProtection = true } });
        var unknown = NewEmail();
        var response = await PostAsync(path, new { email = unknown, redirectURL = RedirectUrl });
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("{}", response.Raw);
        Assert.Empty(await MessagesAsync(unknown));

        var unverified = NewEmail();
        (await PostAsync("/auth/signup-email", new { email = unverified, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync(path, new { email = unverified, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SendMagicLink_EnumerationProtectionOn_UnknownDoesTheSameWorkAsReal()
    {
        // "About the same time" is proven by doing the same work: the same rows written, in the same order
        // (the quiet path then rolls them back). A stopwatch comparison would only measure the machine's load.
        await Fixture.PublishAsync(new { smtp = SmtpPatch, security = new { sendCooldownSeconds = 0, enumerationProtection = true } });
        var real = await SignUpVerifiedAsync();
        Fixture.Commands.TakeInserts();

        (await PostAsync("/auth/send-magic", new { email = real, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var realInserts = Fixture.Commands.TakeInserts();
        var stranger = NewEmail();
        var unknown = await PostAsync("/auth/send-magic", new { email = stranger, redirectURL = RedirectUrl });
        var unknownInserts = Fixture.Commands.TakeInserts();

        unknown.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(realInserts.Order(), unknownInserts.Order());
        Assert.Contains("OutboxMessages", unknownInserts);
        Assert.Contains("OneTimeTokens", unknownInserts);
        await using var db = Db();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.To == stranger, Ct));
        Assert.False(await db.OneTimeTokens.AnyAsync(t => t.Target == stranger, Ct));
    }
}
