using Auth.Core.Messaging;
using Auth.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages.Messages;
using Studio.Web.Components.Shared;

namespace Studio.Web.Tests;

/// <summary>Message templates: the live preview (on a fake clock so the debounce is exact), parse errors and warnings with their editor markers, SMS segments and the variables.</summary>
public sealed class TemplateEditorPreviewTests : TemplateEditorTest
{
    [Fact]
    public void Preview_FollowsTyping_OnceTypingPauses()
    {
        var host = RenderTemplate(MessageType.MagicLink);
        host.WaitForAssertion(() => Assert.Equal("Your sign-in link for My App", PreviewSubject(host)), Patience);

        host.Find("[data-field='messages.magic_link.subject']").Input("Hello {{ user.name }}");
        host.WaitForAssertion(() => Assert.Equal("1 unsaved change.", host.Find("[data-test=change-count]").TextContent.Trim()));
        Time.Advance(TemplateEditor.PreviewDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal("Your sign-in link for My App", PreviewSubject(host));

        host.WaitForAssertion(() =>
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal("Hello Jane Doe", PreviewSubject(host));
        }, Patience);
    }

    [Fact]
    public void Preview_ShowsTheEditedHtml_InASandboxedFrame()
    {
        var host = RenderTemplate(MessageType.MagicLink);
        host.WaitForElement("[data-test=preview] [data-test=mail-frame]", Patience);

        TypeBody(host, "<p>Hi {{ user.name }}, <a href=\"{{ token.confirmationURL }}\">go</a></p><script>alert(1)</script>");
        Settle(host, () => Assert.Contains("go</a>", FrameDocument(host), StringComparison.Ordinal));

        var frame = host.Find("[data-test=preview] [data-test=mail-frame]");
        Assert.Equal(MailFrame.Sandbox, frame.GetAttribute("sandbox"));
        Assert.DoesNotContain("allow-scripts", frame.GetAttribute("sandbox"), StringComparison.Ordinal);
        Assert.StartsWith("<base target=\"_blank\">", FrameDocument(host), StringComparison.Ordinal);
        Assert.Contains("http://auth.test/auth/verify?key=sample-key&amp;action=magic-link", FrameDocument(host), StringComparison.Ordinal);
        // The mail's markup lives only inside srcdoc, never as the studio page's own elements.
        Assert.Empty(host.FindAll("script"));
        host.FindAll("[data-test=preview] .mud-tab").Single(t => t.TextContent.Contains("Text part", StringComparison.OrdinalIgnoreCase)).Click();
        host.WaitForAssertion(() => Assert.Contains("Hi Jane Doe, go", host.Find("[data-test=preview-text]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseError_ShowsLineAndColumn_InThePreviewAndOnTheField()
    {
        var host = RenderTemplate(MessageType.MagicLink);
        host.WaitForElement("[data-test=preview-subject]", Patience);

        TypeBody(host, "<p>Hello</p>\n<p>{{ if }}</p>");

        Settle(host, () => Assert.Matches(@"^Body, line 2, column \d+: ", host.Find("[data-test=preview-error]").TextContent.Trim()));
        Assert.Matches(@"Line 2, column \d+: ", host.Find("[data-test=save-bar]").ParentElement!.TextContent);
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
        Assert.NotNull(host.Find("[data-test=send-test]").GetAttribute("disabled"));
    }

    [Fact]
    public void UnknownVariable_IsAWarning_AndStillRenders()
    {
        var host = RenderTemplate(MessageType.ResetPassword);
        host.WaitForElement("[data-test=preview-subject]", Patience);

        host.Find("[data-field='messages.reset_password.subject']").Input("Hi {{ user.nmae }} and {{ usr }}");

        Settle(host, () => Assert.Equal(
            ["Unknown variable 'user.nmae' renders empty.", "Unknown variable 'usr' renders empty."],
            host.FindAll("[data-test=preview-warning]").Select(w => w.TextContent.Trim()).Order(StringComparer.Ordinal).ToList()));
        Assert.Equal("Hi and", PreviewSubject(host));
        Assert.Empty(host.FindAll("[data-test=preview-error]"));
        Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled"));
    }

    [Fact]
    public void SmsTemplate_CountsSegments_Gsm7ThenUcs2()
    {
        var host = RenderTemplate(MessageType.SigninSmsCode);
        host.WaitForAssertion(() => Assert.Equal("1 segment · GSM-7 · 63 characters", Segments(host)), Patience);
        Assert.Contains("123456 is your My App sign-in code.", host.Find("[data-test=preview-sms]").TextContent, StringComparison.Ordinal);

        TypeBody(host, "{{ token.code }} " + new string('a', 154));
        Settle(host, () => Assert.Equal("2 segments · GSM-7 · 161 characters", Segments(host)));

        TypeBody(host, "{{ token.code }} is your code 🔐");
        Settle(host, () => Assert.Equal("1 segment · UCS-2 · 22 characters", Segments(host)));
    }

    [Fact]
    public void ParseError_IsMarkedInTheEditor_AtItsLineAndColumn()
    {
        var host = RenderTemplate(MessageType.MagicLink);
        host.WaitForElement("[data-test=preview-subject]", Patience);

        TypeBody(host, "<p>Hello</p>\n\n<p>{{ if }}</p>");

        Settle(host, () => Assert.Contains(LastMarkers(), m => m.Line == 3 && m.Column > 1 && m.Message.Contains("if", StringComparison.Ordinal)));
        Assert.All(LastMarkers(), m => Assert.Equal(3, m.Line));

        TypeBody(host, "<p>Hello</p>");
        Settle(host, () => Assert.Empty(LastMarkers()));
    }

    [Fact]
    public void InsertVariable_AddsItToTheBody()
    {
        var host = RenderTemplate(MessageType.SigninSmsCode);
        host.WaitForElement("[data-field='messages.signin_sms_code.body']");
        TypeBody(host, "Code:");

        host.Find("[data-variable='token.code'] [data-test=insert-variable]").Click();

        host.WaitForAssertion(() => Assert.Equal("Code:{{ token.code }}", Body(host)));
        Settle(host, () => Assert.Equal("Code:123456", host.Find("[data-test=preview-sms]").TextContent.Trim()));
    }

    [Fact]
    public void Variables_AreTheModelsOwn_WithThisTypesSamples()
    {
        var host = RenderTemplate(MessageType.ConfirmEmail);
        host.WaitForElement("[data-test=variables]");

        var names = host.FindAll("[data-variable]").Select(v => v.GetAttribute("data-variable") ?? "").ToList();
        Assert.Equal(MessageVariables.Names, names);
        foreach (var name in new[] { "user.name", "user.email", "user.phone", "token.code", "token.confirmationURL", "token.redirectURL",
                     "token.email", "token.phone", "token.expiresAt", "token.expiresIn", "token.actionType", "app.name" })
            Assert.Contains(name, names);
        Assert.Equal("email-confirm", Sample(host, "token.actionType"));
        Assert.Equal("1 hour", Sample(host, "token.expiresIn"));
        Assert.Equal("—", Sample(host, "token.code"));
    }
}
