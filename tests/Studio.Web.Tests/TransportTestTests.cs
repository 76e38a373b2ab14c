using System.Text.Json.Nodes;
using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>
/// Authentication → SMTP "test connection" against a real SMTP server on loopback, and "send test SMS"
/// through the real Twilio sender to a loopback fake, both with the values on the page.
/// </summary>
public sealed class TransportTestTests : StudioTest
{
    private const string SmtpUser = "mailer";
    private const string SmtpPassword = "smtp-password-1";

    [Fact]
    public async Task SmtpTestConnection_WithTheStoredPassword_SignsIn_AndSendsNothing()
    {
        await using var smtp = await SmtpTestServer.StartAsync((SmtpUser, SmtpPassword));
        await PatchSmtpAsync(smtp.Port, SmtpPassword);
        var host = RenderPage<Authentication>();

        host.WaitForElement("[data-test=smtp-test]").Click();

        var result = WaitForResult(host, "smtp-test-dialog");
        Assert.Equal("true", result.GetAttribute("data-succeeded"));
        Assert.Contains($"127.0.0.1:{smtp.Port} accepted the connection and the sign-in.", result.TextContent, StringComparison.Ordinal);
        Assert.Contains("EHLO accepted", result.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Signed in as {SmtpUser}.", result.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(SmtpPassword, host.Markup, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task SmtpTestConnection_UsesTheUnsavedPassword_AndSaysTheServerRefusedIt()
    {
        await using var smtp = await SmtpTestServer.StartAsync((SmtpUser, SmtpPassword));
        await PatchSmtpAsync(smtp.Port, SmtpPassword);
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-secret='smtp.password'] input").Input("not-the-password");

        host.Find("[data-test=smtp-test]").Click();

        var result = WaitForResult(host, "smtp-test-dialog");
        Assert.Equal("false", result.GetAttribute("data-succeeded"));
        Assert.Contains("refused the user name or password", result.TextContent, StringComparison.Ordinal);
        Assert.Contains("EHLO accepted", result.TextContent, StringComparison.Ordinal);
        // Trying it out saved nothing.
        Assert.Equal(SmtpPassword, (await DraftSettingsAsync()).Smtp.Password);
    }

    [Fact]
    public async Task SmtpTestConnection_NothingListening_SaysItCouldNotConnect()
    {
        var down = SmtpTestServer.NotStarted();
        await PatchSmtpAsync(down.Port, password: null);
        var host = RenderPage<Authentication>();

        host.WaitForElement("[data-test=smtp-test]").Click();

        var result = WaitForResult(host, "smtp-test-dialog");
        Assert.Equal("false", result.GetAttribute("data-succeeded"));
        Assert.Contains($"Could not connect to 127.0.0.1:{down.Port}", result.TextContent, StringComparison.Ordinal);

        // "Test again" runs it again, with what the page holds now.
        await using var smtp = await SmtpTestServer.StartAsync();
        host.Find("[data-field='smtp.port']").Input(smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        host.Find("[data-field='smtp.user']").Input("");
        host.Find("[data-test=transport-again]").Click();
        host.WaitForAssertion(() => Assert.Equal("true", host.Find("[data-test=transport-result]").GetAttribute("data-succeeded")));
    }

    [Fact]
    public async Task SendTestSms_GoesThroughTheTwilioSender_WithTheDraftCredentials()
    {
        await using var twilio = await SmsProviderFake.StartAsync(new FakeAnswer(201,
            """{"sid":"SM1234567890abcdef1234567890abcdef","status":"queued","to":"+14155550100","from":"+15005550006"}"""));
        await PatchTwilioAsync(twilio.BaseUrl);
        var host = RenderPage<Authentication>();

        host.WaitForElement("[data-test=sms-test]").Click();
        host.WaitForElement("[data-test=sms-test-dialog] [data-field='test.phone']").Input("+1 415 555 0100");
        host.Find("[data-test=sms-test-send]").Click();

        var result = WaitForResult(host, "sms-test-dialog");
        Assert.Equal("true", result.GetAttribute("data-succeeded"));
        Assert.Contains("Twilio accepted the test message to +14155550100.", result.TextContent, StringComparison.Ordinal);
        var request = Assert.Single(twilio.Requests);
        Assert.Equal("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json", request.Path);
        Assert.Equal("+14155550100", request.Form["To"]);
        Assert.Equal("Test message from My App: your Twilio settings work.", request.Form["Body"]);
        Assert.DoesNotContain("twilio-token-1", host.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTestSms_ProviderRefuses_ShowsItsError()
    {
        await using var twilio = await SmsProviderFake.StartAsync(new FakeAnswer(401,
            """{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}"""));
        await PatchTwilioAsync(twilio.BaseUrl);
        var host = RenderPage<Authentication>();

        host.WaitForElement("[data-test=sms-test]").Click();
        host.WaitForElement("[data-test=sms-test-dialog] [data-field='test.phone']").Input("+14155550100");
        host.Find("[data-test=sms-test-send]").Click();

        var result = WaitForResult(host, "sms-test-dialog");
        Assert.Equal("false", result.GetAttribute("data-succeeded"));
        Assert.Contains("Twilio 401: Authenticate (code 20003)", result.TextContent, StringComparison.Ordinal);
    }

    private Task PatchSmtpAsync(int port, string? password) => PatchDraftAsync(new JsonObject
    {
        ["smtp"] = new JsonObject
        {
            ["host"] = "127.0.0.1", ["port"] = port, ["security"] = "None", ["user"] = SmtpUser, ["password"] = password,
            ["fromEmail"] = "no-reply@example.test",
        },
    }.ToJsonString());

    private Task PatchTwilioAsync(string baseUrl) => PatchDraftAsync(new JsonObject
    {
        ["phone"] = new JsonObject { ["smsProvider"] = "Twilio" },
        ["sms"] = new JsonObject
        {
            ["twilio"] = new JsonObject
            {
                ["accountSid"] = "AC0123456789abcdef0123456789abcdef", ["authToken"] = "twilio-token-1", ["from"] = "+15005550006", ["apiBaseUrl"] = baseUrl,
            },
        },
    }.ToJsonString());

    private static AngleSharp.Dom.IElement WaitForResult(IRenderedComponent<StudioHost> host, string dialog) =>
        host.WaitForElement($"[data-test={dialog}] [data-test=transport-result]");
}
