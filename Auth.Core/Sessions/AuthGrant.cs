using Auth.Core.Data.Entities;

namespace Auth.Core.Sessions;

/// <summary>
/// A user with the session just opened for them (null while confirmation is pending). <paramref name="MfaEnrollmentRequired"/>:
/// <c>mfa.required</c> is on and the session proved no second factor, so it may only enrol one (ADR 0014).
/// </summary>
public sealed record AuthGrant(User User, Session? Session, string? SessionToken, bool MfaEnrollmentRequired = false);
