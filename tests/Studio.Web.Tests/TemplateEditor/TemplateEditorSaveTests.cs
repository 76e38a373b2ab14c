using Auth.Core.Settings;
using Studio.Web.Components.Pages.Messages;

namespace Studio.Web.Tests;

/// <summary>Message templates: reset, save to the draft, the runaway-template check that keeps Save disabled, and leaving with unsaved text.</summary>
public sealed class TemplateEditorSaveTests : TemplateEditorTest
{
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
        EditorJs.Setup<string?>("text", _ => true).SetResult("{{ token.code }} is your code, typed on");

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
        EditorJs.Setup<string?>("text", _ => true).SetResult("{{ for i in 1..5000 }}x{{ end }}");

        SaveButton(host).Click();

        host.WaitForAssertion(() => Assert.Contains("LoopLimit", FieldError(host, "messages.signin_sms_code.body"), StringComparison.Ordinal), Patience);
        Assert.Contains("1 problem to fix", host.Find("[data-test=error-count]").TextContent, StringComparison.Ordinal);
        Assert.Empty(host.FindAll(".mud-snackbar"));
        Assert.Equal(MessageDefaults.For(MessageType.SigninSmsCode).Body, (await DraftSettingsAsync()).Messages.SigninSmsCode.Body);
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
}
