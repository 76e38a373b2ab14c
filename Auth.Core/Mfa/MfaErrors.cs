using Auth.Core.Errors;

namespace Auth.Core.Mfa;

/// <summary>The second-factor refusals, built in one place so every flow words them alike.</summary>
public static class MfaErrors
{
    public static AuthError InvalidCode() => new(AuthErrors.InvalidMfaCode, "The code is not valid.");

    public static AuthError InvalidToken() =>
        new(AuthErrors.InvalidMfaToken, "The sign-in step expired or was already used; sign in again.");

    public static AuthError FactorNotFound() => new(AuthErrors.MfaFactorNotFound, "No such second factor.");

    public static AuthError Disabled() => new(AuthErrors.NotAllowed, "Second factors are disabled.");

    public static AuthError AlreadyEnrolled() =>
        new(AuthErrors.MfaAlreadyEnrolled, "An authenticator app is already set up; remove it first.");

    /// <summary>The secret is stored but unreadable: the Data Protection key ring (ADR 0008) was lost or replaced.</summary>
    public static AuthError Unavailable() =>
        new(AuthErrors.MfaUnavailable,
            "Authenticator codes cannot be checked right now: the server cannot decrypt the stored secret (its Data Protection key ring " +
            "is missing or was replaced). Use a recovery code, or ask the operator to restore the key ring or reset your second factors.");

    public static AuthError EnrollmentRequired() =>
        new(AuthErrors.MfaEnrollmentRequired, "Second factors are required: set up an authenticator app (POST /auth/mfa/totp/enroll) first.");

    /// <summary>The 401 a sign-in answers instead of a session when the account has a second factor.</summary>
    public static AuthError Required(string mfaToken, IReadOnlyList<string> factors) =>
        new(AuthErrors.MfaRequired, "A second factor is required.",
            new Dictionary<string, object?> { ["mfaToken"] = mfaToken, ["factors"] = factors });
}
