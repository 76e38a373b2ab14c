using System.Text.Json.Nodes;

namespace Auth.Core.Settings;

/// <summary>
/// Export omits every secret; import therefore treats an absent secret as "keep what is stored",
/// so exporting from one revision and importing it again never wipes credentials.
/// </summary>
public static class SettingsExport
{
    public static JsonObject OmitSecrets(JsonObject settings) => WithSecrets(settings, (_, _) => null, createMissing: false);

    /// <summary>Marks each secret that the document leaves out (or null) as masked, so the stored value survives.</summary>
    public static JsonObject KeepMissingSecrets(JsonObject document) =>
        WithSecrets(document, (_, value) => value is null ? SettingsSecrets.MaskValue : value, createMissing: true);

    private static JsonObject WithSecrets(JsonObject source, Func<string, JsonNode?, JsonNode?> change, bool createMissing)
    {
        var copy = source.DeepClone().AsObject();
        foreach (var path in SettingsSecrets.Paths)
        {
            var parts = path.Split('.');
            JsonObject? parent = copy;
            foreach (var part in parts[..^1])
            {
                if (parent[part] is JsonObject next) parent = next;
                else if (createMissing && !parent.ContainsKey(part)) parent = (JsonObject)(parent[part] = new JsonObject());
                else { parent = null; break; }
            }

            if (parent is null) continue;
            var name = parts[^1];
            if (!createMissing && !parent.ContainsKey(name)) continue;
            parent[name] = change(path, parent[name]?.DeepClone());
        }
        return copy;
    }
}
