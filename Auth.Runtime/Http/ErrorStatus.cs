using Auth.Core.Errors;

namespace Auth.Runtime.Http;

/// <summary>The HTTP status of each stable error code.</summary>
public static class ErrorStatus
{
    private static readonly Dictionary<string, int> Statuses = new(StringComparer.Ordinal)
    {
        [AuthErrors.ValidationError] = 400,
        [AuthErrors.RedirectUrlMissing] = 400,
        [AuthErrors.InvalidRedirectUrl] = 400,
        [AuthErrors.MissingAccessToken] = 400,
        [AuthErrors.InvalidProviderSignIn] = 400,
        [AuthErrors.UnsupportedOAuthProvider] = 400,
        [AuthErrors.OAuthProviderNotConfigured] = 400,
        [AuthErrors.PhoneNumberNotAllowed] = 400,
        [AuthErrors.InvalidOAuthState] = 400,
        [AuthErrors.InvalidCredentials] = 401,
        [AuthErrors.EmailNotVerified] = 401,
        [AuthErrors.PhoneNotVerified] = 401,
        [AuthErrors.InvalidAccessToken] = 401,
        [AuthErrors.InvalidCode] = 401,
        [AuthErrors.InvalidLink] = 401,
        [AuthErrors.MissingSessionToken] = 401,
        [AuthErrors.InvalidSessionToken] = 401,
        [AuthErrors.Unauthorized] = 401,
        [AuthErrors.NotAllowed] = 403,
        [AuthErrors.EmailVerificationDisabled] = 403,
        [AuthErrors.PhoneVerificationDisabled] = 403,
        [AuthErrors.SmsAuthCodesDisabled] = 403,
        [AuthErrors.Forbidden] = 403,
        [AuthErrors.OAuthAccessDenied] = 403,
        [AuthErrors.UserNotFound] = 404,
        [AuthErrors.NotFound] = 404,
        [AuthErrors.EmailNotUnique] = 409,
        [AuthErrors.PhoneNotUnique] = 409,
        [AuthErrors.UserHasNoEmail] = 409,
        [AuthErrors.EmailAlreadyVerified] = 409,
        [AuthErrors.PhoneAlreadyVerified] = 409,
        [AuthErrors.Conflict] = 409,
        [AuthErrors.RequestTimeout] = 408,
        [AuthErrors.PayloadTooLarge] = 413,
        [AuthErrors.UnsupportedMediaType] = 415,
        [AuthErrors.TooManyAttempts] = 429,
        [AuthErrors.RateLimitExceeded] = 429,
        [AuthErrors.OAuthFailed] = 502,
        [AuthErrors.InternalServerError] = 500,
        [AuthErrors.ServiceUnavailable] = 503,
        [AuthErrors.MessageTemplateError] = 500,
        [AuthErrors.MfaRequired] = 401,
        [AuthErrors.InvalidMfaToken] = 401,
        [AuthErrors.InvalidMfaCode] = 401,
        [AuthErrors.MfaFactorNotFound] = 404,
        [AuthErrors.MfaAlreadyEnrolled] = 409,
        [AuthErrors.MfaEnrollmentRequired] = 403,
        [AuthErrors.MfaUnavailable] = 503,
        [AuthErrors.ForbiddenForRole] = 403,
        [AuthErrors.LastOwner] = 409,
        [AuthErrors.PasskeysDisabled] = 403,
        [AuthErrors.InvalidPasskeyChallenge] = 401,
        [AuthErrors.InvalidPasskey] = 401,
        [AuthErrors.PasskeyCounterRegressed] = 401,
        [AuthErrors.PasskeyNotFound] = 404,
        [AuthErrors.PasskeyAlreadyRegistered] = 409,
    };

    public static int For(string code) => Statuses.GetValueOrDefault(code, 400);
}
