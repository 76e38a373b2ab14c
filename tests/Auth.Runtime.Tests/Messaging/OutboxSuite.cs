using System.Net;
using Auth.Runtime.Messaging;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>The outbox under faults: SMTP down and back, several dispatchers on one database.</summary>
public abstract class OutboxSuite(AppFixture fixture) : MessagingSuiteBase(fixture)
{
    [Fact]
    public async Task SmtpDownThenBack_MessageArrivesAfterRecoveryAndNoneIsLost()
    {
        await Smtp.StopAsync();
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await Dispatcher.DispatchOnceAsync(Ct);

        var row = Assert.Single(await MessagesAsync(email))!.AsObject();
        Assert.Equal("pending", row["status"]!.GetValue<string>());
        Assert.Equal(1, row["attempts"]!.GetValue<int>());
        Assert.Contains($"127.0.0.1:{Smtp.Port}", row["lastError"]!.GetValue<string>(), StringComparison.Ordinal);

        await Smtp.StartAgainAsync();
        await Dispatcher.DispatchOnceAsync(Ct);
        Assert.Empty(Smtp.To(email)); // the retry is not due yet

        Fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var mail = await MailAsync(email);
        Assert.Single(Smtp.To(email));
        var sent = Assert.Single(await MessagesAsync(email))!.AsObject();
        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        Assert.Equal(2, sent["attempts"]!.GetValue<int>());
        Assert.Null(sent["lastError"]);
        Assert.Equal("200", (await FollowAsync(LinkIn(mail)))["status"]);
    }

    [Fact]
    public async Task SmtpAlwaysDown_DeadLettersAfterTheLastAttemptWithTheError()
    {
        await Smtp.StopAsync();
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var options = Services.GetRequiredService<MessagingOptions>();
        for (var i = 0; i < options.MaxAttempts; i++)
        {
            await Dispatcher.DispatchOnceAsync(Ct);
            Fixture.Time.Advance(options.RetryMaxDelay + TimeSpan.FromMinutes(1));
        }
        var row = Assert.Single(await MessagesAsync(email))!.AsObject();
        Assert.Equal("failed", row["status"]!.GetValue<string>());
        Assert.Equal(options.MaxAttempts, row["attempts"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(row["lastError"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SmtpLogin_RightCredentialsSend_WrongOnesKeepTheServersError()
    {
        await using var secured = await SmtpTestServer.StartAsync(("mailer", "s3cret-pass"));
        object SettingsWith(string password) => new
        {
            smtp = new { host = "127.0.0.1", port = secured.Port, security = "None", user = "mailer", password, fromEmail = "no-reply@auth.test" },
            security = new { sendCooldownSeconds = 0 },
        };

        await Fixture.PublishAsync(SettingsWith("wrong"));
        var refused = NewEmail();
        (await PostAsync("/auth/signup-email", new { email = refused, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await Dispatcher.DispatchOnceAsync(Ct);
        var row = Assert.Single(await MessagesAsync(refused))!.AsObject();
        Assert.Equal("pending", row["status"]!.GetValue<string>());
        Assert.Contains("SMTP", row["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", row["lastError"]!.GetValue<string>(), StringComparison.Ordinal);

        await Fixture.PublishAsync(SettingsWith("s3cret-pass"));
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await secured.WaitForAsync(email, () => Dispatcher.DispatchOnceAsync(Ct));
        Assert.Equal("sent", Assert.Single(await MessagesAsync(email))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeveralDispatchers_OneDatabase_NeverSendAMessageTwice()
    {
        await Smtp.StopAsync(); // let the messages pile up first
        var emails = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var email = NewEmail();
            emails.Add(email);
            (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        }
        await Dispatcher.DispatchOnceAsync(Ct); // every message fails once
        await Smtp.StartAgainAsync();
        Fixture.Time.Advance(TimeSpan.FromHours(2));

        var nodes = Enumerable.Range(0, 3).Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher>(Services)).ToList();
        Assert.Equal(3, nodes.Select(n => n.NodeId).Distinct().Count());
        await Task.WhenAll(nodes.Select(n => n.DispatchOnceAsync(Ct)).Append(Dispatcher.DispatchOnceAsync(Ct)));

        foreach (var email in emails)
        {
            await MailAsync(email);
            Assert.Single(Smtp.To(email));
        }
        // Earlier tests of this class may leave their own messages due; count only this test's recipients.
        Assert.Equal(emails.Count, Smtp.Received.Count(m => m.Recipients.Any(r => emails.Contains(r, StringComparer.OrdinalIgnoreCase))));
    }
}
