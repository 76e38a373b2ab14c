using System.Text;
using Auth.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages.Settings;
using Studio.Web.State;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Versions: publish with a note, history, the two-version diff (secrets as changed / unchanged), rollback, import.</summary>
public sealed class VersionsPageTests : StudioTest
{
    [Fact]
    public async Task Publish_WithANote_AddsTheRevision_AndTheRuntimeSnapshotFollows()
    {
        await PatchDraftAsync("""{"email":{"confirmEmail":false}}""");
        var host = RenderPage<Versions>();
        host.WaitForAssertion(() => Assert.Contains("1 change waiting to be published", host.Find("[data-test=draft-card]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=draft-card] [data-path='email.confirmEmail']"));
        Assert.Contains("No revision published yet", host.Markup, StringComparison.Ordinal);

        host.Find("[data-test=publish-note]").Input("Beta opens");
        host.Find("[data-test=publish]").Click();
        host.WaitForAssertion(() => Assert.Contains("E-mail › Confirm e-mail", host.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.Contains("Beta opens", host.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Confirm(host, "Publish");

        AssertSnackbar(host, "Published revision 1 (1 change)");
        host.WaitForAssertion(() => Assert.Contains("Beta opens", host.Find("[data-test=revisions]").TextContent, StringComparison.Ordinal));
        Assert.Contains(Environment.Operator.Email, host.Find("[data-test=revisions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing to publish", host.Find("[data-test=draft-card]").TextContent, StringComparison.Ordinal);
        var live = Services.GetRequiredService<ISettingsReader>().Current;
        Assert.Equal(1, live.Revision);
        Assert.False(live.Settings.Email.ConfirmEmail);
        Assert.False(Services.GetRequiredService<DraftState>().Current!.HasUnpublishedChanges);
    }

    [Fact]
    public async Task Diff_OfTwoRevisions_ShowsChangedLeaves_AndSecretsOnlyAsChangedOrUnchanged()
    {
        await PatchDraftAsync("""{"smtp":{"password":"first-smtp-secret"},"providers":{"google":{"clientSecret":"google-secret-kept"}}}""");
        await Store.PublishAsync("one", "a@example.test", Ct);
        await PatchDraftAsync("""{"smtp":{"password":"second-smtp-secret"},"email":{"linkExpiresIn":7200}}""");
        await Store.PublishAsync("two", "b@example.test", Ct);

        var host = RenderPage<Versions>();
        host.WaitForAssertion(() => Assert.Contains("Nothing to publish", host.Markup, StringComparison.Ordinal));

        // Pick revision 1 → revision 2 in the two selects.
        Choose(host, "compare-from", "Revision 1");
        Choose(host, "compare-to", "Revision 2");

        host.WaitForAssertion(() =>
        {
            var rows = host.FindAll("[data-test=compare] [data-path]").Select(r => r.GetAttribute("data-path")).ToList();
            Assert.Equal(["email.linkExpiresIn", "smtp.password"], rows);
        });
        var expiry = host.Find("[data-test=compare] [data-path='email.linkExpiresIn']").TextContent;
        Assert.Contains("3600", expiry, StringComparison.Ordinal);
        Assert.Contains("7200", expiry, StringComparison.Ordinal);
        var password = host.Find("[data-test=compare] [data-path='smtp.password']");
        Assert.Equal("changed", password.QuerySelector("[data-test=secret-change]")!.TextContent.Trim());
        Assert.DoesNotContain("smtp-secret", host.Markup, StringComparison.Ordinal);

        // With unchanged settings shown, the untouched Google secret reads "set" and "unchanged".
        host.Find("[data-test=compare] input[type=checkbox]").Change(true);
        var google = host.WaitForElement("[data-test=compare] [data-path='providers.google.clientSecret']");
        Assert.Equal("unchanged", google.QuerySelector("[data-test=secret-change]")!.TextContent.Trim());
        Assert.Contains("set", google.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("google-secret-kept", host.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Cancelled_PublishesNothing()
    {
        await PatchDraftAsync("""{"email":{"confirmEmail":false}}""");
        var host = RenderPage<Versions>();
        host.WaitForAssertion(() => Assert.Contains("1 change waiting to be published", host.Find("[data-test=draft-card]").TextContent, StringComparison.Ordinal));

        host.Find("[data-test=publish]").Click();
        host.WaitForAssertion(() => Assert.Contains("Publish 1 change?", host.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.Contains("No note", host.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Confirm(host, "Cancel");

        host.WaitForAssertion(() => Assert.Empty(host.FindAll(".mud-dialog")));
        Assert.Empty(await Store.ListRevisionsAsync(Ct));
        Assert.Contains("1 change waiting to be published", host.Find("[data-test=draft-card]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_AfterConfirming_PublishesTheOldSettingsAgain()
    {
        await PatchDraftAsync("""{"app":{"name":"First name"}}""");
        await Store.PublishAsync("one", "a@example.test", Ct);
        await PatchDraftAsync("""{"app":{"name":"Second name"}}""");
        await Store.PublishAsync("two", "b@example.test", Ct);

        var host = RenderPage<Versions>();
        host.WaitForElement("[data-test=rollback-1]").Click();
        Confirm(host, "Roll back");

        AssertSnackbar(host, "Rolled back: revision 3 publishes the settings of revision 1.");
        Assert.Equal("First name", Services.GetRequiredService<ISettingsReader>().Current.Settings.App.Name);
        Assert.Equal("First name", (await DraftSettingsAsync()).App.Name);
        host.WaitForAssertion(() => Assert.Contains("Rollback to revision 1", host.Find("[data-test=revisions]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rollback_Cancelled_ChangesNothing()
    {
        await Store.PublishAsync("one", "a@example.test", Ct);
        await PatchDraftAsync("""{"app":{"name":"Second name"}}""");
        await Store.PublishAsync("two", "b@example.test", Ct);

        var host = RenderPage<Versions>();
        host.WaitForElement("[data-test=rollback-1]").Click();
        Confirm(host, "Cancel");

        Assert.Equal(2, (await Store.ListRevisionsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Import_AValidFile_ReplacesTheDraft_KeepingSecretsItLeavesOut()
    {
        await PatchDraftAsync("""{"smtp":{"host":"smtp.example.test","fromEmail":"a@example.test","password":"kept-secret"}}""");
        var export = await Store.ExportAsync(Ct);
        export["email"]!["confirmEmail"] = false;

        var host = RenderPage<Versions>();
        host.WaitForElement("[data-test=draft-card]");
        var input = host.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>();
        // The upload handler waits for the confirmation, so it must not block the test that clicks it.
        var upload = Task.Run(() => input.UploadFiles(InputFileContent.CreateFromText(export.ToJsonString(), "settings.json", contentType: "application/json")), Ct);
        Confirm(host, "Import");
        await upload;

        AssertSnackbar(host, "Imported settings.json into the draft: E-mail › Confirm e-mail");
        var draft = await DraftSettingsAsync();
        Assert.False(draft.Email.ConfirmEmail);
        Assert.Equal("kept-secret", draft.Smtp.Password);
    }

    [Fact]
    public async Task Import_AnInvalidFile_ListsTheProblems_AndLeavesTheDraft()
    {
        var host = RenderPage<Versions>();
        host.WaitForElement("[data-test=draft-card]");
        var input = host.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>();
        var upload = Task.Run(() => input.UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("""{"email":{"linkExpiresIn":5},"nope":1}"""), "bad.json")), Ct);
        Confirm(host, "Import");
        await upload;

        host.WaitForAssertion(() => Assert.Contains("nope", host.Find("[data-test=import-errors]").TextContent, StringComparison.Ordinal));
        Assert.Equal(3600, (await DraftSettingsAsync()).Email.LinkExpiresIn);

        host.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("{ not json", "broken.json"));
        host.WaitForAssertion(() => Assert.Contains("Not valid JSON", host.Find("[data-test=import-errors]").TextContent, StringComparison.Ordinal));
    }

    private static void Choose(IRenderedComponent<StudioHost> host, string select, string item)
    {
        host.Find($"[data-test={select}]").MouseDown();
        host.WaitForAssertion(() => host.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == item).Click());
    }
}
