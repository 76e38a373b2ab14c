using Auth.Core.Messaging;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Message templates: "Send test" renders the unsaved template into the outbox.</summary>
public sealed class TemplateEditorSendTestTests : TemplateEditorTest
{
    [Fact]
    public async Task SendTest_RendersTheUnsavedTemplate_IntoTheOutbox()
    {
        var host = RenderTemplate(MessageType.MagicLink);
        host.WaitForElement("[data-field='messages.magic_link.subject']").Input("Unsaved subject for {{ user.email }}");
        host.Find("[data-test=send-test]").Click();

        var to = host.WaitForElement("[data-test=send-test-dialog] [data-field='test.to']");
        Assert.Equal(StudioTestServices.OperatorEmail, to.GetAttribute("value"));
        to.Input("not an address");
        host.Find("[data-test=send-test-confirm]").Click();
        host.WaitForAssertion(() => Assert.Contains("The email address must contain a single @.", host.Find("[data-test=send-test-dialog]").TextContent, StringComparison.Ordinal), Patience);

        host.Find("[data-test=send-test-dialog] [data-field='test.to']").Input("qa@example.test");
        host.Find("[data-test=send-test-confirm]").Click();

        SnackbarSays(host, "Test e-mail to qa@example.test captured in the dev mailbox");
        await using var db = await OpenDbAsync();
        var row = await db.OutboxMessages.SingleAsync(Ct);
        Assert.Equal(("email", MessageType.MagicLink, "qa@example.test", OutboxStatus.Captured), (row.Channel, row.Type, row.To, row.Status));
        Assert.Equal("[Test] Unsaved subject for qa@example.test", row.Subject);
        Assert.Contains("http://auth.test/auth/verify?key=sample-key&amp;action=magic-link", row.Body, StringComparison.Ordinal);
        Assert.Contains("Sign in to My App", row.TextBody, StringComparison.Ordinal);
        // Nothing was saved: the draft keeps the shipped subject.
        Assert.Equal(MessageDefaults.MagicLinkSubject, (await DraftSettingsAsync()).Messages.MagicLink.Subject);
    }

    [Fact]
    public async Task SendTest_Sms_GoesToTheNumberGiven()
    {
        var host = RenderTemplate(MessageType.VerifySmsCode);
        host.WaitForElement("[data-test=send-test]").Click();
        host.WaitForElement("[data-test=send-test-dialog] [data-field='test.to']").Input("+1 415 555 0100");
        host.Find("[data-test=send-test-confirm]").Click();

        SnackbarSays(host, "Test SMS to +14155550100");
        await using var db = await OpenDbAsync();
        var row = await db.OutboxMessages.SingleAsync(Ct);
        Assert.Equal(("sms", "+14155550100"), (row.Channel, row.To));
        Assert.Equal("123456 is your My App verification code. It expires in 10 minutes.", row.Body);
    }
}
