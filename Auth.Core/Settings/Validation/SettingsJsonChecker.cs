using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Auth.Core.Settings;

/// <summary>
/// Walks a settings document against the serializer's own contract metadata before deserialising,
/// so every structural problem is reported at once, by JSON path, in words an operator understands
/// (the serializer would stop at the first and name .NET types).
/// </summary>
internal static class SettingsJsonChecker
{
    public static Dictionary<string, string> Check(JsonElement root, JsonSerializerOptions options)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
            errors[SettingsJson.RootPath] = "Expected a JSON object.";
        else
            CheckObject(root, typeof(AuthSettings), "", options, errors);
        return errors;
    }

    private static void CheckValue(
        JsonElement value, Type type, bool nullable, string path, JsonSerializerOptions options, Dictionary<string, string> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
                errors[path] = "Must not be null.";
            return;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
            Expect(value.ValueKind == JsonValueKind.String, "Expected a string.");
        else if (target == typeof(bool))
            Expect(value.ValueKind is JsonValueKind.True or JsonValueKind.False, "Expected true or false.");
        else if (target == typeof(int))
            Expect(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _), "Expected a whole number.");
        else if (target.IsEnum)
            Expect(IsEnumName(value, target), $"Expected one of: {string.Join(", ", Enum.GetNames(target))}.");
        else if (target != typeof(string) && typeof(IEnumerable).IsAssignableFrom(target))
            CheckArray(value, target, path, options, errors);
        else if (value.ValueKind != JsonValueKind.Object)
            errors[path] = "Expected an object.";
        else
            CheckObject(value, target, path, options, errors);

        void Expect(bool ok, string message)
        {
            if (!ok)
                errors[path] = message;
        }
    }

    private static void CheckArray(
        JsonElement value, Type listType, string path, JsonSerializerOptions options, Dictionary<string, string> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors[path] = "Expected an array.";
            return;
        }
        var elementType = options.GetTypeInfo(listType).ElementType ?? typeof(object);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            // Element nullability is not tracked by the serializer; the settings lists never hold nulls.
            CheckValue(item, elementType, nullable: false, $"{path}[{index}]", options, errors);
            index++;
        }
    }

    private static void CheckObject(
        JsonElement value, Type type, string path, JsonSerializerOptions options, Dictionary<string, string> errors)
    {
        var info = options.GetTypeInfo(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                errors[childPath] = "Duplicate property.";
                continue;
            }
            var member = FindProperty(info, property.Name);
            if (member is null)
            {
                errors[childPath] = "Unknown property.";
                continue;
            }
            var nullable = member.PropertyType.IsValueType
                ? Nullable.GetUnderlyingType(member.PropertyType) is not null
                : member.IsSetNullable;
            CheckValue(property.Value, member.PropertyType, nullable, childPath, options, errors);
        }
    }

    private static JsonPropertyInfo? FindProperty(JsonTypeInfo info, string name) =>
        info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    // Names only (no numbers), matching the enum converter configured in SettingsJson.
    private static bool IsEnumName(JsonElement value, Type enumType)
    {
        if (value.ValueKind != JsonValueKind.String)
            return false;
        var text = value.GetString()!;
        return Enum.GetNames(enumType).Any(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
    }
}
