using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Auth.Runtime.Http;

/// <summary>
/// Reads <see cref="JsonNode"/> bodies and fields (settings patches, <c>userData</c>) eagerly, refusing a repeated
/// property name at any depth. A JsonObject is otherwise parsed lazily, so a duplicate surfaced later as an
/// exception far from binding (a 500) instead of a <c>validation_error</c>.
/// </summary>
internal sealed class StrictJsonNodeConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(JsonNode).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NodeConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class NodeConverter<T> : JsonConverter<T> where T : JsonNode
    {
        public override bool HandleNull => false;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            RefuseDuplicates(document.RootElement);
            var node = JsonNode.Parse(document.RootElement.GetRawText());
            return node as T ?? throw new JsonException($"Expected {Describe(typeof(T))}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => value.WriteTo(writer, options);

        private static string Describe(Type type) =>
            type == typeof(JsonObject) ? "a JSON object" : type == typeof(JsonArray) ? "a JSON array" : "a JSON value";
    }

    private static void RefuseDuplicates(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name)) throw new JsonException($"The property '{property.Name}' appears more than once.");
                    RefuseDuplicates(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) RefuseDuplicates(item);
                break;
        }
    }
}
