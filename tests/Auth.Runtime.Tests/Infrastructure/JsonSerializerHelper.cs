using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth.Runtime.Tests.Infrastructure;

public static class JsonSerializerHelper
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static JsonNode? ToNode(object value) => value as JsonNode ?? JsonSerializer.SerializeToNode(value, Web);
}
