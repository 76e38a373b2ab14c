using System.Text.Json.Nodes;
using Auth.Core.Settings;

namespace Auth.Core.Tests.Settings;

/// <summary>Builds settings as an operator would: the defaults plus a merge patch, read through SettingsJson.</summary>
internal static class SettingsTestData
{
    public static AuthSettings WithPatch(string patchJson)
    {
        var patched = JsonMergePatch.Apply(SettingsJson.ToJsonObject(new AuthSettings()), JsonNode.Parse(patchJson));
        var result = SettingsJson.Parse(patched);
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : string.Join("; ", Fields(result.Error)));
        return result.Value;
    }

    public static IReadOnlyDictionary<string, string> Fields(Auth.Core.Errors.AuthError error) =>
        (IReadOnlyDictionary<string, string>)error.Details!["fields"]!;
}
