using System.Globalization;
using Auth.Runtime.Http;

namespace Studio.Web.Security;

/// <summary>
/// The per-address limit on the studio's sign-in and setup forms: the same bucket as the management API's
/// token and setup endpoints, answered as a page (429, Retry-After) instead of JSON.
/// </summary>
internal static class OperatorAttempts
{
    /// <summary>The one answer to a failed operator sign-in: a locked account reads like a wrong password.</summary>
    public const string InvalidSignIn =
        "The e-mail address or password is not right, or the account is locked for a while after too many failed sign-ins.";

    /// <summary>Counts the attempt; the message to show when the address is over the limit (the response is then a 429).</summary>
    public static string? Throttle(IpRateLimiter limiter, HttpContext context)
    {
        if (limiter.TryAcquireOperatorAttempt(IpRateLimiter.ClientOf(context)) is not { } wait) return null;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        return $"Too many sign-in attempts from this address. Try again in {wait} s.";
    }
}
