using Auth.Core.Sessions;

namespace Auth.Runtime.Contracts;

/// <summary><c>{user, session}</c>; session is null while a confirmation is pending.</summary>
public sealed record GrantResponse(UserResponse User, SessionResponse? Session)
{
    public static GrantResponse From(AuthGrant grant) => new(
        UserResponse.From(grant.User),
        grant.Session is { } s && grant.SessionToken is { } t ? SessionResponse.Opened(s, t) : null);
}

/// <summary>The empty success body <c>{}</c>.</summary>
public sealed record EmptyResponse
{
    public static readonly EmptyResponse Instance = new();
}
