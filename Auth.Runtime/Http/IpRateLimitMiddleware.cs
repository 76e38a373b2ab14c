using Auth.Core.Errors;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Http;

namespace Auth.Runtime.Http;

/// <summary>
/// Applies <c>security.ipRequestsPerMinute</c> to what an attacker would hammer: every POST under /auth and
/// the OAuth start and callback. Reads (GET /auth/user) are not counted, so a busy SPA behind one NAT does not
/// lock itself out. The operator token and setup endpoints have their own fixed limit
/// (<see cref="IpRateLimiter.OperatorAttemptsPerMinute"/>), which the app's setting can't raise.
/// </summary>
internal sealed class IpRateLimitMiddleware(RequestDelegate next, IpRateLimiter limiter, ISettingsReader settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        int? retryAfter = null;
        if (IsOperatorSignIn(request)) retryAfter = limiter.TryAcquireOperatorAttempt(IpRateLimiter.ClientOf(context));
        else if (IsLimited(request)) retryAfter = limiter.TryAcquire(IpRateLimiter.ClientOf(context), settings.Current.Settings.Security.IpRequestsPerMinute);
        if (retryAfter is { } seconds)
        {
            await ErrorWriter.WriteAsync(context, new AuthError(AuthErrors.RateLimitExceeded,
                "Too many requests from this address; slow down.") { RetryAfterSeconds = seconds });
            return;
        }

        await next(context);
    }

    private static bool IsLimited(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/auth")) ||
        request.Path.StartsWithSegments("/oauth");

    // The studio's sign-in and setup forms count in the same bucket (they call the limiter themselves, to
    // answer with a page rather than JSON).
    private static bool IsOperatorSignIn(HttpRequest request) =>
        request.Path.StartsWithSegments("/admin/api/token") ||
        request.Path.StartsWithSegments("/admin/api/setup");
}
