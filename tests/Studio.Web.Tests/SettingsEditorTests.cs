using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Studio.Web.Editing;

namespace Studio.Web.Tests;

/// <summary>The editing model behind every settings page, without rendering.</summary>
public sealed class SettingsEditorTests
{
    private static SettingsEditor EditorFor(string patch)
    {
        var json = (JsonObject)JsonMergePatch.Apply(SettingsJson.ToJsonObject(new AuthSettings()), JsonNode.Parse(patch))!;
        return SettingsEditor.From(new DraftView(SettingsSecrets.Mask(json), 1, null, false, null, null));
    }

    [Fact]
    public void StoredSecret_IsKept_UntilReplacedOrCleared()
    {
        var editor = EditorFor("""{"smtp":{"password":"p"}}""");
        var secret = editor.Secret("smtp.password");
        Assert.True(secret.Keeps);
        Assert.Equal(SettingsSecrets.MaskValue, editor.BuildPatch(["smtp"])["smtp"]!["password"]!.GetValue<string>());
        Assert.Empty(editor.PendingChanges(["smtp"]));

        secret.NewValue = "   ";
        Assert.True(secret.Keeps);

        secret.NewValue = "new";
        Assert.Equal("new", editor.BuildPatch(["smtp"])["smtp"]!["password"]!.GetValue<string>());
        Assert.Equal(["smtp.password"], editor.PendingChanges(["smtp"]));

        secret.Clear();
        Assert.Null(editor.BuildPatch(["smtp"])["smtp"]!["password"]);
        Assert.Equal("will be removed", secret.Status);

        secret.Undo();
        Assert.Equal("set", secret.Status);
    }

    [Fact]
    public void KeptAppleKey_IsNotReportedAsMalformed()
    {
        // The mask is no PEM, but a kept key was checked when it was stored.
        var editor = EditorFor("""{"providers":{"apple":{"privateKey":"-----BEGIN PRIVATE KEY-----"}}}""");
        Assert.Empty(editor.Revalidate());
        editor.Secret("providers.apple.privateKey").NewValue = "garbage";
        Assert.Contains("providers.apple.privateKey", editor.Revalidate().Keys);
    }

    [Fact]
    public void ServerErrors_ShowWhereTheClientSawNone_UntilTheNextEdit()
    {
        var editor = EditorFor("{}");
        editor.SetServerErrors(AuthError.Validation("smtp.host", "Refused by the server."));
        Assert.Equal("Refused by the server.", editor.ErrorFor("smtp.host"));
        Assert.Single(editor.ErrorsIn(["smtp"]));

        editor.Edited();
        Assert.Null(editor.ErrorFor("smtp.host"));
    }

    [Fact]
    public void Patch_HoldsOnlyThePagesSections()
    {
        var editor = EditorFor("{}");
        editor.Model.Email.ConfirmEmail = false;
        editor.Model.App.Name = "Elsewhere";
        var patch = editor.BuildPatch(["email"]);
        Assert.Equal(["email"], patch.Select(p => p.Key));
        Assert.Equal(["email.confirmEmail"], editor.PendingChanges(["email"]));
    }

    [Theory]
    [InlineData(3600, "1 hour")]
    [InlineData(90, "1 minute 30 seconds")]
    [InlineData(604800, "7 days")]
    public void Durations_ReadAsWords(int seconds, string text) => Assert.Equal(text, Durations.Describe(seconds));

    [Theory]
    [InlineData("smtp.password", "SMTP › Password")]
    [InlineData("providers.github.clientSecret", "Providers › GitHub › Client secret")]
    [InlineData("redirectURLs", "Redirect URLs")]
    public void Labels_NameThePaths(string path, string label) => Assert.Equal(label, SettingsLabels.For(path));
}
