using Auth.Core.Errors;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Http;

namespace Auth.Runtime.Http;

/// <summary>
/// Applies <c>security.ipRequestsPerMinute</c> to what an attacker would hammer: every POST under /auth,
/// the OAuth start and callback, and the operator token and setup endpoints. Reads (GET /auth/user) are not
/// counted, so a busy SPA behind one NAT does not lock itself out.
/// </summary>
internal sealed class IpRateLimitMiddleware(RequestDelegate next, IpRateLimiter limiter, ISettingsReader settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsLimited(context.Request))
        {
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var perMinute = settings.Current.Settings.Security.IpRequestsPerMinute;
            if (limiter.TryAcquire(client, perMinute) is { } retryAfter)
            {
                await ErrorWriter.WriteAsync(context, new AuthError(AuthErrors.RateLimitExceeded,
                    "Too many requests from this address; slow down.") { RetryAfterSeconds = retryAfter });
                return;
            }
        }

        await next(context);
    }

    private static bool IsLimited(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/auth")) ||
        request.Path.StartsWithSegments("/oauth") ||
        request.Path.StartsWithSegments("/admin/api/token") ||
        request.Path.StartsWithSegments("/admin/api/setup");
}
