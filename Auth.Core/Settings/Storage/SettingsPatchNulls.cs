using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Auth.Core.Errors;

namespace Auth.Core.Settings;

/// <summary>
/// In RFC 7396 a null removes a member, and a removed settings member silently falls back to its default:
/// <c>{"security": null}</c> would reset every lockout and rate limit. A null is only accepted where the
/// settings model itself allows null (an optional value) or removes a dictionary entry.
/// </summary>
public static class SettingsPatchNulls
{
    /// <summary>A validation_error naming each member a null may not remove; null when the patch is fine.</summary>
    public static AuthError? Check(JsonNode? patch)
    {
        var problems = new Dictionary<string, string>();
        if (patch is JsonObject root) Walk(root, SettingsJson.Options.GetTypeInfo(typeof(AuthSettings)), "", problems);
        return problems.Count > 0 ? AuthError.Validation(problems) : null;
    }

    private static void Walk(JsonObject patch, JsonTypeInfo type, string prefix, Dictionary<string, string> problems)
    {
        foreach (var (name, value) in patch)
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            JsonTypeInfo? child;
            if (type.Kind == JsonTypeInfoKind.Dictionary)
            {
                // Removing an entry of a map (e.g. one message template) is what a null is for.
                child = type.ElementType is { } element ? SettingsJson.Options.GetTypeInfo(element) : null;
            }
            else if (type.Kind == JsonTypeInfoKind.Object && type.Properties.FirstOrDefault(p => p.Name == name) is { } property)
            {
                if (IsNull(value) && !property.IsSetNullable)
                {
                    problems[path] = "A null can't remove this setting; give a value (use PUT to replace the whole draft).";
                    continue;
                }
                child = SettingsJson.Options.GetTypeInfo(property.PropertyType);
            }
            else
            {
                continue; // unknown members are reported by the strict reader after the merge
            }

            if (value is JsonObject nested && child is not null) Walk(nested, child, path, problems);
        }
    }

    private static bool IsNull(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;
}
