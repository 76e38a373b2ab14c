using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth.Core.Activity;

/// <summary>
/// What an event may carry besides its columns: a closed set of small, non-secret fields. There is deliberately no
/// free-text field, so a password, token, code, secret or message body has nowhere to go (ADR 0016).
/// </summary>
public sealed record EventDetail
{
    /// <summary>The stable error code of a refusal (<c>invalid_credentials</c>, a send error…).</summary>
    public string? Code { get; init; }
    public string? Provider { get; init; }
    /// <summary>How a session was opened: the session's amr (pwd, email, sms, oauth, totp…).</summary>
    public string? Method { get; init; }
    /// <summary>email or sms.</summary>
    public string? Channel { get; init; }
    /// <summary>A message's type (<c>confirm_email</c>…), never its body.</summary>
    public string? MessageType { get; init; }
    /// <summary>The operator an operator event is about (added, removed), by id.</summary>
    public string? OperatorId { get; init; }
    public int? Count { get; init; }
    /// <summary>The names of the fields an operator edited (<c>name,email</c>), never their values.</summary>
    public string? Fields { get; init; }
    public int? Revision { get; init; }
    /// <summary>A user import's or export's file format (csv, json), and an import's rows that existed or were refused.</summary>
    public string? Format { get; init; }
    public int? Existing { get; init; }
    public int? Failed { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EventDetail? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonSerializer.Deserialize<EventDetail>(json, Json); }
        catch (JsonException) { return null; }
    }
}
