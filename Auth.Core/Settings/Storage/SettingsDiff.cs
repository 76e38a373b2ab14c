using System.Text.Json.Nodes;

namespace Auth.Core.Settings;

/// <summary>
/// One leaf of the settings JSON on both sides of a comparison. <see cref="Before"/> and <see cref="After"/>
/// are JSON text (null when the leaf is missing). For a secret they only say "set" or "not set",
/// and <see cref="Changed"/> comes from the plain values, which never leave the server.
/// </summary>
public sealed record SettingsChange(string Path, string? Before, string? After, bool IsSecret, bool Changed);

/// <summary>Compares two settings documents leaf by leaf (arrays count as one leaf).</summary>
public static class SettingsDiff
{
    public const string SecretSet = "set";
    public const string SecretNotSet = "not set";

    /// <summary>
    /// Every leaf path of either document, in document order. Both documents are masked
    /// (<see cref="SettingsSecrets.Mask"/>); <paramref name="changedSecrets"/> says which secrets really differ.
    /// </summary>
    public static IReadOnlyList<SettingsChange> Compare(JsonObject maskedBefore, JsonObject maskedAfter, IReadOnlyCollection<string> changedSecrets)
    {
        ArgumentNullException.ThrowIfNull(changedSecrets);
        var before = Leaves(maskedBefore);
        var after = Leaves(maskedAfter);
        var paths = before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))).ToList();
        return paths.Select(path =>
        {
            var a = before.GetValueOrDefault(path);
            var b = after.GetValueOrDefault(path);
            if (SettingsSecrets.IsSecretPath(path))
                return new SettingsChange(path, SecretState(a), SecretState(b), IsSecret: true, changedSecrets.Contains(path));
            return new SettingsChange(path, a?.ToJsonString(SettingsJson.Options), b?.ToJsonString(SettingsJson.Options), IsSecret: false,
                Changed: !JsonNode.DeepEquals(a, b));
        }).ToList();
    }

    /// <summary>Only the leaves that differ; secrets compared by their masked form (set / not set / new value).</summary>
    public static IReadOnlyList<SettingsChange> Changes(JsonObject before, JsonObject after) =>
        Compare(before, after, SettingsSecrets.Paths.Where(p => SettingsSecrets.SecretChanged(before, after, p)).ToList())
            .Where(c => c.Changed).ToList();

    /// <summary>Leaf path → value; a JSON null counts as a present leaf with a null value.</summary>
    public static IReadOnlyDictionary<string, JsonNode?> Leaves(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Walk(document, "", leaves);
        return leaves;
    }

    private static void Walk(JsonObject node, string prefix, Dictionary<string, JsonNode?> leaves)
    {
        foreach (var (name, value) in node)
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            if (value is JsonObject child)
                Walk(child, path, leaves);
            else
                leaves[path] = value;
        }
    }

    private static string SecretState(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? SecretSet : SecretNotSet;
}
