using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Auth.Core.Errors;

namespace Auth.Core.Settings;

/// <summary>
/// The one JSON form of <see cref="AuthSettings"/>, shared by the studio, the management API,
/// import/export and revision storage. Reading is strict: unknown properties, wrong types and
/// nulls where a value is required are errors naming the JSON path; missing properties keep defaults.
/// </summary>
public static class SettingsJson
{
    /// <summary>The path reported when the document itself is not JSON or not an object.</summary>
    public const string RootPath = "(root)";

    /// <summary>The shared, read-only serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(AuthSettings settings, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return indented
            ? JsonSerializer.Serialize(settings, IndentedOptions)
            : JsonSerializer.Serialize(settings, Options);
    }

    public static JsonObject ToJsonObject(AuthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return JsonSerializer.SerializeToNode(settings, Options)!.AsObject();
    }

    /// <summary>Reads settings from JSON text. Never throws; every problem becomes a <c>validation_error</c>.</summary>
    public static Result<AuthSettings> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return AuthError.Validation(RootPath, "Expected a JSON object.");
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Parse(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // The parser's own message carries the line and position, which is what an operator needs.
            return AuthError.Validation(RootPath, $"Malformed JSON: {ex.Message}");
        }
    }

    /// <summary>Reads settings from a JSON node (for example after a merge patch). Never throws.</summary>
    public static Result<AuthSettings> Parse(JsonNode? node)
    {
        if (node is null)
            return AuthError.Validation(RootPath, "Expected a JSON object.");
        JsonElement element;
        try
        {
            // Going through an element gives the same strict number handling as text input.
            element = JsonSerializer.SerializeToElement(node, Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return AuthError.Validation(RootPath, "The document could not be read as JSON.");
        }
        return Parse(element);
    }

    private static Result<AuthSettings> Parse(JsonElement root)
    {
        var errors = SettingsJsonChecker.Check(root, Options);
        if (errors.Count > 0)
            return AuthError.Validation(errors);
        try
        {
            return root.Deserialize<AuthSettings>(Options)!;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // The checker mirrors the serializer's rules, so this is a safety net, not a normal path.
            return AuthError.Validation(ToFieldPath((ex as JsonException)?.Path), "Invalid value.");
        }
    }

    internal static string ToFieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
            return RootPath;
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // Comments and trailing commas are not JSON; imports should fail loudly rather than guess.
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly JsonSerializerOptions IndentedOptions = new(Options) { WriteIndented = true };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            // Exports and the studio's JSON view hold HTML templates; "\u003C" everywhere would make them
            // unreadable. The document is served as application/json, never inlined into a page.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
