using System.Text.Json.Serialization;
using Auth.Core.Sessions;

namespace Auth.Runtime.Contracts;

/// <summary>
/// <c>{user, session}</c>; session is null while a confirmation is pending. <c>mfaEnrollmentRequired: true</c> (only
/// then present): <c>mfa.required</c> is on and the session may only enrol a second factor (ADR 0014).
/// </summary>
public sealed record GrantResponse(
    UserResponse User,
    SessionResponse? Session,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? MfaEnrollmentRequired = null)
{
    public static GrantResponse From(AuthGrant grant) => new(
        UserResponse.From(grant.User),
        grant.Session is { } s && grant.SessionToken is { } t ? SessionResponse.Opened(s, t) : null,
        grant.Session is not null && grant.MfaEnrollmentRequired ? true : null);
}

/// <summary>The empty success body <c>{}</c>.</summary>
public sealed record EmptyResponse
{
    public static readonly EmptyResponse Instance = new();
}
