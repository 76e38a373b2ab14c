namespace Auth.Core.Errors;

/// <summary>The stable error codes of the HTTP contract. Add codes; never rename one.</summary>
public static class AuthErrors
{
    public const string ValidationError = "validation_error";
    public const string NotAllowed = "not_allowed";
    public const string EmailNotUnique = "email_not_unique";
    public const string PhoneNotUnique = "phone_not_unique";
    public const string RedirectUrlMissing = "redirect_url_missing";
    public const string InvalidRedirectUrl = "invalid_redirect_url";
    public const string InvalidCredentials = "invalid_credentials";
    public const string EmailNotVerified = "email_not_verified";
    public const string PhoneNotVerified = "phone_not_verified";
    public const string EmailAlreadyVerified = "email_already_verified";
    public const string PhoneAlreadyVerified = "phone_already_verified";
    public const string EmailVerificationDisabled = "email_verification_disabled";
    public const string PhoneVerificationDisabled = "phone_verification_disabled";
    public const string SmsAuthCodesDisabled = "sms_auth_codes_disabled";
    public const string MissingAccessToken = "missing_access_token";
    public const string InvalidAccessToken = "invalid_access_token";
    public const string InvalidCode = "invalid_code";
    public const string TooManyAttempts = "too_many_attempts";
    public const string MissingSessionToken = "missing_session_token";
    public const string InvalidSessionToken = "invalid_session_token";
    public const string UserNotFound = "user_not_found";
    public const string InvalidProviderSignIn = "invalid_provider_sign_in";
    public const string UnsupportedOAuthProvider = "unsupported_oauth_provider";
    public const string OAuthProviderNotConfigured = "oauth_provider_not_configured";
    public const string OAuthFailed = "oauth_failed";
    /// <summary>The OAuth <c>state</c> is missing, unknown, expired, already used or from another browser.</summary>
    public const string InvalidOAuthState = "invalid_oauth_state";
    /// <summary>The user declined consent at the provider.</summary>
    public const string OAuthAccessDenied = "oauth_access_denied";
    public const string RateLimitExceeded = "rate_limit_exceeded";
    public const string InternalServerError = "internal_server_error";
    /// <summary>The database cannot take the request now (locked, read-only, deleted, corrupt); retry later. 503.</summary>
    public const string ServiceUnavailable = "service_unavailable";

    // Management API additions.
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";

    // Messaging additions.
    /// <summary>A published message template failed to render when a message was due; nothing was sent.</summary>
    public const string MessageTemplateError = "message_template_error";

    /// <summary>An e-mailed link that is unknown, expired, already used, or for another action.</summary>
    public const string InvalidLink = "invalid_link";

    // Hardening additions.
    /// <summary>The client sent its request body too slowly (Kestrel's minimum data rate).</summary>
    public const string RequestTimeout = "request_timeout";

    // Abuse limits.
    /// <summary>
    /// The phone number's type (premium rate, shared cost, unknown…: <c>phone.blockedNumberTypes</c>) or country
    /// (<c>phone.allowedCountries</c>) is not accepted, at sign-up or when a text to it is due.
    /// </summary>
    public const string PhoneNumberNotAllowed = "phone_number_not_allowed";

    // Second factors (ADR 0014).
    /// <summary>The first factor passed but the account has a second factor: answer with <c>details.mfaToken</c> and <c>details.factors</c>. 401.</summary>
    public const string MfaRequired = "mfa_required";
    /// <summary>The mfaToken is unknown, expired (5 minutes) or already used. 401.</summary>
    public const string InvalidMfaToken = "invalid_mfa_token";
    /// <summary>The authenticator or recovery code is wrong, or was already used. 401.</summary>
    public const string InvalidMfaCode = "invalid_mfa_code";
    /// <summary>No such factor for this user (or it is not confirmed where a confirmed one is needed). 404.</summary>
    public const string MfaFactorNotFound = "mfa_factor_not_found";
    /// <summary>The user already has a confirmed authenticator app; remove it before enrolling another. 409.</summary>
    public const string MfaAlreadyEnrolled = "mfa_already_enrolled";
    /// <summary><c>mfa.required</c> is on and this session proved no second factor: it may only enrol one (and read the user, sign out). 403.</summary>
    public const string MfaEnrollmentRequired = "mfa_enrollment_required";
    /// <summary>A stored TOTP secret cannot be decrypted (the Data Protection key ring was lost or replaced): an operator must act. 503.</summary>
    public const string MfaUnavailable = "mfa_unavailable";

    // Operator roles (ADR 0017).
    /// <summary>The operator is signed in but their role (Support) may not use this route or page. 403.</summary>
    public const string ForbiddenForRole = "forbidden_for_role";
    /// <summary>The change would leave no Owner: the last Owner can't be removed or demoted. 409.</summary>
    public const string LastOwner = "last_owner";

    // Passkeys (ADR 0015).
    /// <summary><c>passkeys.enabled</c> is off: no registration, no sign-in with a passkey. 403.</summary>
    public const string PasskeysDisabled = "passkeys_disabled";
    /// <summary>The ceremony's challenge is unknown, expired (5 minutes), already used or for the other ceremony. 401.</summary>
    public const string InvalidPasskeyChallenge = "invalid_passkey_challenge";
    /// <summary>The credential did not verify: unknown credential, wrong origin or RP id, bad signature, user verification missing. 401.</summary>
    public const string InvalidPasskey = "invalid_passkey";
    /// <summary>The authenticator's signature counter did not move forward (a cloned authenticator or a replay); recorded on the passkey. 401.</summary>
    public const string PasskeyCounterRegressed = "passkey_counter_regressed";
    /// <summary>No such passkey for this user. 404.</summary>
    public const string PasskeyNotFound = "passkey_not_found";
    /// <summary>This credential is already registered (to this or another account). 409.</summary>
    public const string PasskeyAlreadyRegistered = "passkey_already_registered";

    // User management (ADR 0022).
    /// <summary>An invitation or a password reset goes by e-mail, and this user has no e-mail address. 409.</summary>
    public const string UserHasNoEmail = "user_has_no_email";
}
