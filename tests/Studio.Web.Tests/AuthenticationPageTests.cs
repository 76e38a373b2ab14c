using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Version settings → Authentication: validation as you type, saving, write-only secrets, leaving with edits.</summary>
public sealed class AuthenticationPageTests : StudioTest
{
    [Fact]
    public void LinkExpiry_OutOfRange_ShowsTheServersMessage_AndBlocksSaving()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='email.linkExpiresIn']").Input("10");

        host.WaitForAssertion(() => Assert.Contains("Must be between 60 and 604800.", host.Markup, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
        Assert.Contains("1 problem to fix", host.Find("[data-test=error-count]").TextContent, StringComparison.Ordinal);

        host.Find("[data-field='email.linkExpiresIn']").Input("7200");
        host.WaitForAssertion(() => Assert.DoesNotContain("Must be between 60", host.Markup, StringComparison.Ordinal));
        Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled"));
    }

    [Fact]
    public void SmtpHost_WithoutFromAddress_ShowsTheCrossFieldRule_UntilOneIsTyped()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='smtp.host']").Input("smtp.example.test");

        host.WaitForAssertion(() => Assert.Contains("Required when an SMTP host is set.", host.Markup, StringComparison.Ordinal));
        host.Find("[data-field='smtp.fromEmail']").Input("not an address");
        host.WaitForAssertion(() => Assert.Contains("Must be a valid e-mail address", host.Markup, StringComparison.Ordinal));
        host.Find("[data-field='smtp.fromEmail']").Input("no-reply@example.test");
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-test=error-count]")));
    }

    [Fact]
    public async Task ConfirmEmailOff_Save_WritesTheDraft_AndSaysWhatItSaved()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='email.confirmEmail']").Change(false);
        host.WaitForAssertion(() => Assert.Equal("1 unsaved change.", host.Find("[data-test=change-count]").TextContent.Trim()));

        host.Find("[data-test=save]").Click();

        AssertSnackbar(host, "Saved to the draft: E-mail › Confirm e-mail");
        var draft = await DraftSettingsAsync();
        Assert.False(draft.Email.ConfirmEmail);
        Assert.True(draft.Email.Enabled);
        host.WaitForAssertion(() => Assert.Contains("No unsaved changes.", host.Find("[data-test=save-bar]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredSmtpPassword_IsNeverSentToThePage_AndABlankFieldKeepsIt()
    {
        await PatchDraftAsync("""{"smtp":{"password":"stored-smtp-secret-1"}}""");
        var host = RenderPage<Authentication>();
        var secret = host.WaitForElement("[data-secret='smtp.password']");

        Assert.Equal("set", secret.QuerySelector("[data-test=secret-status]")!.TextContent.Trim());
        Assert.DoesNotContain("stored-smtp-secret-1", host.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("********", host.Markup, StringComparison.Ordinal);

        // Saving another field leaves the stored secret as it was.
        host.Find("[data-field='smtp.user']").Input("mailer");
        host.Find("[data-test=save]").Click();
        AssertSnackbar(host, "SMTP › User");
        Assert.Equal("stored-smtp-secret-1", (await DraftSettingsAsync()).Smtp.Password);
    }

    [Fact]
    public async Task SmtpPassword_TypedValueReplaces_AndClearRemoves()
    {
        await PatchDraftAsync("""{"smtp":{"password":"old-secret"}}""");
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-secret='smtp.password'] input").Input("new-secret");
        host.WaitForAssertion(() => Assert.Equal("will be replaced", host.Find("[data-secret='smtp.password'] [data-test=secret-status]").TextContent.Trim()));
        host.Find("[data-test=save]").Click();
        AssertSnackbar(host, "SMTP › Password");
        Assert.Equal("new-secret", (await DraftSettingsAsync()).Smtp.Password);

        host.WaitForElement("[data-secret='smtp.password'] [data-test=secret-clear]").Click();
        host.WaitForAssertion(() => Assert.Equal("will be removed", host.Find("[data-secret='smtp.password'] [data-test=secret-status]").TextContent.Trim()));
        host.Find("[data-test=save]").Click();
        host.WaitForAssertion(() => Assert.Equal("not set", host.Find("[data-secret='smtp.password'] [data-test=secret-status]").TextContent.Trim()));
        Assert.Null((await DraftSettingsAsync()).Smtp.Password);
    }

    [Fact]
    public async Task SmsProvider_ShowsTheChosenProvidersFields()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='sms.twilio.accountSid']");
        Assert.Empty(host.FindAll("[data-field='sms.vonage.apiKey']"));

        await host.InvokeAsync(() => host.FindComponent<Studio.Web.Components.Pages.Settings.Sections.PhoneSection>().Instance.Editor.Model.Phone.SmsProvider = Auth.Core.Settings.SmsProvider.Vonage);
        host.FindComponent<Studio.Web.Components.Pages.Settings.Sections.PhoneSection>().Render();

        host.WaitForElement("[data-field='sms.vonage.apiKey']");
        Assert.NotNull(host.Find("[data-secret='sms.vonage.apiSecret']"));
        Assert.Empty(host.FindAll("[data-field='sms.twilio.accountSid']"));
    }

    [Fact]
    public void LeavingWithUnsavedChanges_AsksFirst_AndStayKeepsThePage()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='app.name']").Input("Renamed app");
        var before = Navigation.Uri;

        _ = host.InvokeAsync(() => Navigation.NavigateTo("/users"));
        Confirm(host, "Stay");
        Assert.Equal(before, Navigation.Uri);

        _ = host.InvokeAsync(() => Navigation.NavigateTo("/users"));
        Confirm(host, "Discard changes");
        host.WaitForAssertion(() => Assert.EndsWith("/users", Navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void LeavingWithoutChanges_DoesNotAsk()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("[data-field='app.name']");
        _ = host.InvokeAsync(() => Navigation.NavigateTo("/users"));
        host.WaitForAssertion(() => Assert.EndsWith("/users", Navigation.Uri, StringComparison.Ordinal));
        Assert.Empty(host.FindAll(".mud-dialog"));
    }
}
