using System.Text.Json.Serialization;

namespace Auth.Runtime.Http;

/// <summary>The one error shape: <c>{"errors":[{"origin","code","message","details"}]}</c>.</summary>
public sealed record ErrorEnvelope(IReadOnlyList<ErrorItem> Errors);

public sealed record ErrorItem(
    string Origin,
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object?>? Details);
