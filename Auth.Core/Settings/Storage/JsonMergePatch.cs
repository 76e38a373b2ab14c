using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth.Core.Settings;

/// <summary>
/// RFC 7396 JSON Merge Patch, exactly as its pseudo-code: a null member removes, an object merges
/// recursively, anything else (arrays included) replaces. Inputs are never mutated.
/// </summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
            return IsNull(patch) ? null : patch!.DeepClone();

        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (IsNull(value))
                result.Remove(name);
            else
                result[name] = Apply(result.TryGetPropertyValue(name, out var existing) ? existing : null, value);
        }
        return result;
    }

    // A JsonValue can wrap a JSON null element (e.g. built from a JsonElement); treat it like a null node.
    private static bool IsNull(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;
}
