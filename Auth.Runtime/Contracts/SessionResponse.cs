using System.Text.Json.Serialization;
using Auth.Core.Data.Entities;
using Auth.Core.Sessions;

namespace Auth.Runtime.Contracts;

/// <summary>The Agnost client API's session object. The token appears only in the response that opened the session.</summary>
public sealed record SessionResponse
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; init; }
    public required string UserId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Token { get; init; }
    public required string CreationDtm { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LastSeenAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Current { get; init; }
    public required UserAgentInfo UserAgent { get; init; }

    /// <summary>How the user proved who they are for this session (<c>["pwd","totp"]</c>); absent on sessions older than the field.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Amr { get; init; }

    public static SessionResponse Opened(Session session, string token) => new()
    {
        UserId = session.UserId,
        Token = token,
        CreationDtm = UserResponse.Iso(session.CreatedAt),
        UserAgent = UserAgentParser.Parse(session.UserAgent),
        Amr = AmrOf(session),
    };

    /// <summary>A listed session: its id and times, never its token.</summary>
    public static SessionResponse Listed(Session session, string currentSessionId) => new()
    {
        Id = session.Id,
        UserId = session.UserId,
        CreationDtm = UserResponse.Iso(session.CreatedAt),
        LastSeenAt = UserResponse.Iso(session.LastSeenAt),
        Current = session.Id == currentSessionId,
        UserAgent = UserAgentParser.Parse(session.UserAgent),
        Amr = AmrOf(session),
    };

    private static IReadOnlyList<string>? AmrOf(Session session) => session.Amr is null ? null : Auth.Core.Mfa.Amr.Split(session.Amr);
}
