namespace Auth.Core.Sessions;

/// <summary>The claims of a token that passed every check.</summary>
public sealed record ValidatedToken(string UserId, string SessionId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
