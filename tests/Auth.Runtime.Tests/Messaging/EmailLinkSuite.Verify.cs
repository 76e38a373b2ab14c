using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Messaging;

// Password reset, e-mail change, the verify endpoint itself, encoding, and the dev mailbox.
public abstract partial class EmailLinkSuite
{
    [Fact]
    public async Task PasswordReset_LinkThenResetPwd_SetsPasswordAndEndsAllSessions()
    {
        var email = await SignUpVerifiedAsync();
        var signIn = await PostAsync("/auth/signin-email", new { email, password = Password });
        var session = signIn.Body!["session"]!["token"]!.GetValue<string>();

        (await PostAsync("/auth/send-reset", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 2);
        var reset = Smtp.To(email)[^1];
        Assert.Equal("Reset your My App password", reset.Message.Subject);
        var query = await FollowAsync(LinkIn(reset));
        Assert.Equal("reset-pwd", query["action"]);

        // A reset token changes a password; it never opens a session.
        (await PostAsync("/auth/grant", new { accessToken = query["access_token"] })).AssertError(HttpStatusCode.Unauthorized, "invalid_access_token");

        (await PostAsync("/auth/reset-pwd", new { accessToken = query["access_token"], newPassword = "short" }))
            .AssertError(HttpStatusCode.BadRequest, "validation_error");
        var done = await PostAsync("/auth/reset-pwd", new { accessToken = query["access_token"], newPassword = "a brand new passphrase" });
        done.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("{}", done.Raw);

        (await GetAsync("/auth/user", session)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await PostAsync("/auth/signin-email", new { email, password = "a brand new passphrase" })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/reset-pwd", new { accessToken = query["access_token"], newPassword = "yet another passphrase" }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_access_token");
    }

    [Fact]
    public async Task ResetPwd_WithAMagicLinkAccessToken_ReturnsInvalidAccessToken()
    {
        var email = await SignUpVerifiedAsync();
        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 2);
        var query = await FollowAsync(LinkIn(Smtp.To(email)[^1]));
        (await PostAsync("/auth/reset-pwd", new { accessToken = query["access_token"], newPassword = "a brand new passphrase" }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_access_token");
    }

    [Fact]
    public async Task ChangeEmail_ConfirmedFromTheNewAddress_SwitchesTheAccount()
    {
        var email = await SignUpVerifiedAsync();
        var session = (await PostAsync("/auth/signin-email", new { email, password = Password })).Body!["session"]!["token"]!.GetValue<string>();
        var newEmail = NewEmail("new");

        (await PostAsync("/auth/change-email", new { password = "wrong password 1", newEmail, redirectURL = RedirectUrl }, session))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await PostAsync("/auth/change-email", new { password = Password, newEmail, redirectURL = RedirectUrl })).AssertError(HttpStatusCode.Unauthorized, "missing_session_token");
        (await PostAsync("/auth/change-email", new { password = Password, newEmail, redirectURL = RedirectUrl }, session)).AssertStatus(HttpStatusCode.OK);

        var mail = await MailAsync(newEmail);
        Assert.Equal("Confirm your new email address for My App", mail.Message.Subject);
        Assert.DoesNotContain(Smtp.To(email), m => m.Message.Subject?.Contains("new email", StringComparison.Ordinal) == true);
        Assert.Equal(email, (await GetAsync("/auth/user", session)).AssertStatus(HttpStatusCode.OK).Body!["email"]!.GetValue<string>());

        var query = await FollowAsync(LinkIn(mail));
        Assert.Equal("change-email", query["action"]);
        var user = await GetAsync("/auth/user", session);
        Assert.Equal(newEmail, user.Body!["email"]!.GetValue<string>());
        Assert.True(user.Body!["emailVerified"]!.GetValue<bool>());
        (await PostAsync("/auth/signin-email", new { email = newEmail, password = Password })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Verify_UnknownKey_ShowsPlainErrorPageWithoutRedirect()
    {
        using var response = await Browser.GetAsync("/auth/verify?key=0123456789abcdef0123456789abcdef01234567&action=magic-link", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("invalid_link", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ExpiredLink_RedirectsToTheAllowedUrlWithTheError()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var link = LinkIn(await MailAsync(email));

        Fixture.Time.Advance(TimeSpan.FromSeconds(3601));
        var query = await FollowAsync(link);
        Assert.Equal("401", query["status"]);
        Assert.Equal("invalid_link", query["code"]);
        Assert.False(string.IsNullOrEmpty(query["error"]));
        await using var db = Db();
        Assert.False(await db.Users.Where(u => u.Email == email).Select(u => u.EmailVerified).SingleAsync(Ct));
    }

    [Fact]
    public async Task Verify_LinkForAnotherAction_DoesNotWork()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var link = LinkIn(await MailAsync(email));

        var query = await FollowAsync(link.Replace("action=email-confirm", "action=magic-link", StringComparison.Ordinal));
        Assert.Equal("invalid_link", query["code"]);
        Assert.Equal("200", (await FollowAsync(link))["status"]);
    }

    [Fact]
    public async Task Verify_RedirectUrlNoLongerAllowed_NeverRedirectsThere()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var link = LinkIn(await MailAsync(email));
        await Fixture.PublishAsync(new { smtp = SmtpPatch, redirectURLs = new[] { "https://app.example/done" } });

        using var response = await VisitAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Verify_LinkScannerProtectionOn_GetShowsConfirmPageAndOnlyPostConsumes()
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, security = new { sendCooldownSeconds = 0, linkScannerProtection = true } });
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var link = LinkIn(await MailAsync(email));

        for (var i = 0; i < 2; i++)
        {
            using var page = await VisitAsync(link);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync(Ct);
            Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        }

        var uri = new Uri(link);
        var parts = Query(uri);
        using var post = await Browser.PostAsync("/auth/verify", new FormUrlEncodedContent(parts), Ct);
        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Equal("200", Query(post.Headers.Location!)["status"]);

        using var used = await VisitAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);
        Assert.Equal("invalid_link", Query(used.Headers.Location!)["code"]);
    }

    [Fact]
    public async Task Verify_TwentyParallelVisitsOfOneLink_ExactlyOneSucceeds()
    {
        var email = await SignUpVerifiedAsync();
        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 2);
        var link = LinkIn(Smtp.To(email)[^1]);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await VisitAsync(link);
            return Query(response.Headers.Location!);
        }));
        Assert.Single(results, q => q.ContainsKey("access_token"));
        Assert.Equal(19, results.Count(q => q.GetValueOrDefault("code") == "invalid_link"));
    }

    [Fact]
    public async Task ConfirmEmail_NameWithScriptTag_ArrivesHtmlEncoded()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, name = "<script>alert(1)</script>", redirectURL = RedirectUrl }))
            .AssertStatus(HttpStatusCode.OK);
        var mail = await MailAsync(email);
        Assert.DoesNotContain("<script>", mail.Message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hi <script>alert(1)</script>", mail.Message.TextBody, StringComparison.Ordinal); // plain text shows it as text
    }

    [Fact]
    public async Task ConfirmEmail_CrLfInSubjectValues_AddsNoHeader()
    {
        await Fixture.PublishAsync(new
        {
            smtp = SmtpPatch,
            security = new { sendCooldownSeconds = 0 },
            messages = new { confirm_email = new { subject = "Welcome {{ user.name }}" } },
        });
        var email = NewEmail();
        var name = "Eve\r\nBcc: victim@example.com\r\nX-Injected: yes";
        (await PostAsync("/auth/signup-email", new { email, password = Password, name, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);

        var mail = await MailAsync(email);
        Assert.Equal("Welcome Eve Bcc: victim@example.com X-Injected: yes", mail.Message.Subject);
        Assert.DoesNotContain(mail.Message.Headers, h => h.Field is "Bcc" or "X-Injected");
        Assert.Equal([email], mail.Recipients);
        var headerSection = mail.Raw[..mail.Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("\r\nBcc:", headerSection, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\r\nX-Injected:", headerSection, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DevMailbox_NoSmtpHost_MessageIsCapturedAndShownWithItsLink()
    {
        await Fixture.PublishAsync(new { security = new { sendCooldownSeconds = 0 } });
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await Dispatcher.DispatchOnceAsync(Ct);

        var message = Assert.Single(await MessagesAsync(email))!.AsObject();
        Assert.Equal("captured", message["status"]!.GetValue<string>());
        Assert.Equal("email", message["channel"]!.GetValue<string>());
        Assert.Equal("confirm_email", message["type"]!.GetValue<string>());
        Assert.Equal(0, message["attempts"]!.GetValue<int>());
        foreach (var field in new[] { "id", "to", "subject", "body", "text", "createdAt", "sentAt", "lastError" })
            Assert.True(message.ContainsKey(field), field);
        var link = System.Text.RegularExpressions.Regex.Match(message["text"]!.GetValue<string>(), @"http://auth\.test/auth/verify\?\S+").Value;
        Assert.Equal("200", (await FollowAsync(link))["status"]);
        Assert.Empty(Smtp.To(email));
    }

    [Fact]
    public async Task Messages_WithoutOperatorToken_Unauthorized()
    {
        (await GetAsync("/admin/api/messages")).AssertError(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Links_HostHeaderSpoofed_StillUsePublicBaseUrl()
    {
        var email = NewEmail();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/signup-email")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email, password = Password, redirectURL = RedirectUrl }),
        };
        request.Headers.Host = "evil.example";
        (await Client.SendAsync(request, Ct)).EnsureSuccessStatusCode();
        var mail = await MailAsync(email);
        Assert.DoesNotContain("evil.example", mail.Raw, StringComparison.Ordinal);
        Assert.StartsWith("http://auth.test/auth/verify?", LinkIn(mail), StringComparison.Ordinal);
    }
}
