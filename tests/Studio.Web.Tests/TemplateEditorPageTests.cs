using Auth.Core.Messaging;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Studio.Web.Components.Pages.Messages;
using Studio.Web.Components.Shared;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>
/// Message templates: the live preview (through the real TemplatePreview, on a fake clock so the debounce is
/// exact), parse errors and warnings, SMS segments, reset, save to the draft, and send test into the outbox.
/// </summary>
public sealed class TemplateEditorPageTests : StudioTest
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private BunitJSModuleInterop _editorJs = null!;

    public override ValueTask InitializeAsync()
    {
        Services.AddSingleton<TimeProvider>(_time);
        // Monaco itself runs only in a browser (the E2E types into it); here the page gets the editor's messages.
        _editorJs = JSInterop.SetupModule("./js/template-editor.js");
        _editorJs.Setup<bool>("load").SetResult(true);
        _editorJs.Setup<bool>("attach", _ => true).SetResult(true);
        return base.InitializeAsync();
    }

    [Fact]
    public void Preview_FollowsTyping_OnceTypingPauses()
    {
        var host = RenderTemplate(MessageType.MagicLink);
        host.WaitForAssertion(() => Assert.Equal("Your sign-in link for My App", PreviewSubject(host)), Patience);

        host.Find("[data-field='messages.magic_link.subject']").Input("Hello {{ user.name }}");
        host.WaitForAssertion(() => Assert.Equal("1 unsaved change.", host.Find("[data-test=change-count]").TextContent.Trim()));
        _time.Advance(TemplateEditor.PreviewDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal("Your sign-in link for My App", PreviewSubject(host));

        host.WaitForAssertion(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
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
    public async Task ResetToDefault_PutsBackTheShippedTemplate_AndSaveStoresIt()
    {
        await PatchDraftAsync("""{"messages":{"magic_link":{"subject":"Custom {{ app.name }}","fromName":"Custom sender","body":"<p>custom</p>"}}}""");
        var host = RenderTemplate(MessageType.MagicLink);
        host.WaitForAssertion(() => Assert.Equal("Custom My App", PreviewSubject(host)), Patience);

        host.Find("[data-test=reset-default]").Click();

        host.WaitForAssertion(() => Assert.Equal(MessageDefaults.MagicLinkSubject, host.Find("[data-field='messages.magic_link.subject']").GetAttribute("value")));
        SnackbarSays(host, "Reset Magic link to the default template.");
        Settle(host, () => Assert.Equal("Your sign-in link for My App", PreviewSubject(host)));
        host.Find("[data-test=save]").Click();
        SnackbarSays(host, "Saved to the draft: Message templates › Magic link › Subject");

        var saved = (await DraftSettingsAsync()).Messages.MagicLink;
        Assert.Equal(MessageDefaults.MagicLinkSubject, saved.Subject);
        Assert.Equal(MessageDefaults.MagicLinkBody, saved.Body);
        Assert.Null(saved.FromName);
    }

    [Fact]
    public async Task Save_WritesOnlyThisTemplate_ToTheDraft()
    {
        await PatchDraftAsync("""{"messages":{"reset_password":{"subject":"Another page's edit"}}}""");
        var host = RenderTemplate(MessageType.MagicLink);
        host.WaitForElement("[data-field='messages.magic_link.subject']").Input("Sign in to {{ app.name }} now");
        host.Find("[data-field='messages.magic_link.fromEmail']").Input("links@example.test");
        host.WaitForAssertion(() => Assert.Equal("2 unsaved changes.", host.Find("[data-test=change-count]").TextContent.Trim()));
        // Save waits for the check (the preview's render) of exactly this text.
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
        Settle(host, () => Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled")));

        host.Find("[data-test=save]").Click();

        SnackbarSays(host, "Saved to the draft: Message templates › Magic link › Subject, Message templates › Magic link › From e-mail");
        var draft = await DraftSettingsAsync();
        Assert.Equal("Sign in to {{ app.name }} now", draft.Messages.MagicLink.Subject);
        Assert.Equal("links@example.test", draft.Messages.MagicLink.FromEmail);
        Assert.Equal("Another page's edit", draft.Messages.ResetPassword.Subject);
        host.WaitForAssertion(() => Assert.Contains("No unsaved changes.", host.Find("[data-test=save-bar]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunawayTemplate_ParsesButCannotRender_IsAProblem_SaveStaysDisabled()
    {
        var host = RenderTemplate(MessageType.ConfirmEmail);
        // It parses (so the validator lets it through) but fails every render: the server would refuse it.
        host.WaitForElement("[data-field='messages.confirm_email.body']");
        TypeBody(host, "{{ for i in 1..5000 }}x{{ end }}");

        Settle(host, () => Assert.Contains("1 problem to fix", host.Find("[data-test=error-count]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
        Assert.Contains("loop", FieldError(host, "messages.confirm_email.body"), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(host.FindAll("[data-test=server-errors]"));

        // Fixed: the problem goes with the next preview, and Save comes back.
        TypeBody(host, "<p>{{ for i in 1..3 }}x{{ end }}</p>");
        Settle(host, () => Assert.Empty(host.FindAll("[data-test=error-count]")));
        Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled"));
        Assert.Equal(MessageDefaults.ConfirmEmailBody, (await DraftSettingsAsync()).Messages.ConfirmEmail.Body);
    }

    [Fact]
    public async Task RunawayTemplate_SaveStaysDisabled_FromTheFirstKeyUntilItsCheckComesBack()
    {
        var host = RenderTemplate(MessageType.ConfirmEmail);
        host.WaitForElement("[data-field='messages.confirm_email.body']");
        TypeBody(host, "<p>Fine {{ user.name }}</p>");
        Settle(host, () => Assert.Null(SaveButton(host).GetAttribute("disabled")));

        // The first key of a burst: the browser's text is ahead of the circuit's.
        var editor = host.FindComponent<TemplateCodeEditor>();
        await host.InvokeAsync(editor.Instance.OnTyping);
        host.WaitForAssertion(() => Assert.NotNull(SaveButton(host).GetAttribute("disabled")));
        Assert.NotNull(host.Find("[data-test=checking]"));

        // The text arrives; the 300 ms preview pause has not passed: it still waits for the check.
        await host.InvokeAsync(() => editor.Instance.OnText("<p>{{ for i in 1..5000 }}x{{ end }}</p>"));
        host.WaitForAssertion(() => Assert.Equal("1 unsaved change.", host.Find("[data-test=change-count]").TextContent.Trim()));
        Assert.NotNull(SaveButton(host).GetAttribute("disabled"));
        Assert.Empty(host.FindAll("[data-test=error-count]"));

        Settle(host, () => Assert.Contains("1 problem to fix", host.Find("[data-test=error-count]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(SaveButton(host).GetAttribute("disabled"));
        Assert.Contains("LoopLimit", FieldError(host, "messages.confirm_email.body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TakesTheBrowsersLatestText_EvenBeforeItWasSent()
    {
        var host = RenderTemplate(MessageType.SigninSmsCode);
        host.WaitForElement("[data-field='messages.signin_sms_code.body']");
        TypeBody(host, "{{ token.code }} is your code");
        Settle(host, () => Assert.Null(SaveButton(host).GetAttribute("disabled")));
        // The operator typed on; the pause before sending had not passed when Save was clicked.
        _editorJs.Setup<string?>("text", _ => true).SetResult("{{ token.code }} is your code, typed on");

        SaveButton(host).Click();

        await WaitForDraftAsync(d => d.Messages.SigninSmsCode.Body == "{{ token.code }} is your code, typed on");
        SnackbarSays(host, "Saved to the draft");
    }

    [Fact]
    public async Task Save_RechecksTheBrowsersText_ARunawayStaysUnsaved_AndShowsOnTheField()
    {
        var host = RenderTemplate(MessageType.SigninSmsCode);
        host.WaitForElement("[data-field='messages.signin_sms_code.body']");
        TypeBody(host, "{{ token.code }} is your code");
        Settle(host, () => Assert.Null(SaveButton(host).GetAttribute("disabled")));
        _editorJs.Setup<string?>("text", _ => true).SetResult("{{ for i in 1..5000 }}x{{ end }}");

        SaveButton(host).Click();

        host.WaitForAssertion(() => Assert.Contains("LoopLimit", FieldError(host, "messages.signin_sms_code.body"), StringComparison.Ordinal), Patience);
        Assert.Contains("1 problem to fix", host.Find("[data-test=error-count]").TextContent, StringComparison.Ordinal);
        Assert.Empty(host.FindAll(".mud-snackbar"));
        Assert.Equal(MessageDefaults.For(MessageType.SigninSmsCode).Body, (await DraftSettingsAsync()).Messages.SigninSmsCode.Body);
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

    private IReadOnlyList<TemplateMarker> LastMarkers() =>
        _editorJs.Invocations["setMarkers"] is { Count: > 0 } calls ? (IReadOnlyList<TemplateMarker>)calls[^1].Arguments[1]! : [new TemplateMarker(0, 0, "none yet")];

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<StudioHost> host) => host.Find("[data-test=save]");

    private static string FieldError(IRenderedComponent<StudioHost> host, string path)
    {
        var control = host.Find($"[data-field='{path}']");
        return string.Join(" ", control.QuerySelectorAll(".mud-input-error").Select(e => e.TextContent));
    }

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

    [Fact]
    public void LeavingWithUnsavedChanges_AsksFirst()
    {
        var host = RenderTemplate(MessageType.MagicLink);
        host.WaitForElement("[data-field='messages.magic_link.subject']").Input("Edited");
        var before = Navigation.Uri;

        _ = host.InvokeAsync(() => Navigation.NavigateTo("/settings/templates/reset_password"));
        Confirm(host, "Stay");
        Assert.Equal(before, Navigation.Uri);
        Assert.Equal("Edited", host.Find("[data-field='messages.magic_link.subject']").GetAttribute("value"));
    }

    [Fact]
    public void UnknownType_SaysSo()
    {
        var host = RenderTemplate("welcome_email");
        host.WaitForAssertion(() => Assert.Contains("There is no message type “welcome_email”", host.Find("[data-test=empty-state]").TextContent, StringComparison.Ordinal));
    }

    // Each preview is a real render on the sandbox's worker; a loaded machine can take a while.
    private static readonly TimeSpan Patience = Eventually.DefaultTimeout;

    private IRenderedComponent<StudioHost> RenderTemplate(string type) =>
        RenderPage<TemplateEditor>(p => p.Add(x => x.Type, type));

    /// <summary>Lets the preview's pause pass on the fake clock until <paramref name="assertion"/> holds.</summary>
    private void Settle(IRenderedComponent<StudioHost> host, Action assertion) =>
        host.WaitForAssertion(() =>
        {
            _time.Advance(TemplateEditor.PreviewDelay);
            assertion();
        }, Patience);

    // Saving and sending re-check the templates with a real render; give them the same patience.
    private static void SnackbarSays(IRenderedComponent<StudioHost> host, string text) =>
        host.WaitForAssertion(() => Assert.Contains(text, string.Join("\n", host.FindAll(".mud-snackbar").Select(s => s.TextContent)), StringComparison.Ordinal), Patience);

    /// <summary>What the browser's editor sends: "typing" at the first key, then the text once typing pauses.</summary>
    private static void TypeBody(IRenderedComponent<StudioHost> host, string text)
    {
        var editor = host.WaitForComponent<TemplateCodeEditor>();
        host.InvokeAsync(editor.Instance.OnTyping).GetAwaiter().GetResult();
        host.InvokeAsync(() => editor.Instance.OnText(text)).GetAwaiter().GetResult();
    }

    private static string Body(IRenderedComponent<StudioHost> host) => host.FindComponent<TemplateCodeEditor>().Instance.Text;

    private static string PreviewSubject(IRenderedComponent<StudioHost> host) => host.Find("[data-test=preview-subject]").TextContent.Trim();

    private static string Segments(IRenderedComponent<StudioHost> host) => host.Find("[data-test=sms-segments]").TextContent.Trim();

    private static string FrameDocument(IRenderedComponent<StudioHost> host) =>
        host.Find("[data-test=preview] [data-test=mail-frame]").GetAttribute("srcdoc") ?? "";

    private static string Sample(IRenderedComponent<StudioHost> host, string name) =>
        host.Find($"[data-variable='{name}'] [data-test=sample]").TextContent.Trim();
}
