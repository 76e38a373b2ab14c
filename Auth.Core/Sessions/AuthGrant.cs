using Auth.Core.Data.Entities;

namespace Auth.Core.Sessions;

/// <summary>A user with the session just opened for them (null while confirmation is pending).</summary>
public sealed record AuthGrant(User User, Session? Session, string? SessionToken);
