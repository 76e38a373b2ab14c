using System.Text.Json.Nodes;
using Auth.Core.Errors;

namespace Auth.Core.Settings;

/// <summary>
/// Settings as a page holds them before saving (plain fields, and each secret as a new value, the mask
/// or null) turned into usable settings on the server: a masked secret takes the draft's stored value.
/// For tools that try the edited values out (SMTP "test connection", "send test SMS"); nothing is saved,
/// and no secret ever leaves the server.
/// </summary>
public sealed class EditedSettings(SettingsStore store)
{
    public async Task<Result<AuthSettings>> ResolveAsync(JsonObject edited, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edited);
        var stored = SettingsJson.ToJsonObject(await store.GetDraftSettingsAsync(ct));
        return SettingsJson.Parse(SettingsSecrets.MergeIncoming(edited, stored));
    }
}
