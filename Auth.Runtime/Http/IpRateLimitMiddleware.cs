using Auth.Core.Errors;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Http;

namespace Auth.Runtime.Http;

/// <summary>
/// Applies <c>security.ipRequestsPerMinute</c> to what an attacker would hammer, as the route map marks it with
/// <see cref="IpLimit"/>: every POST under /auth and the OAuth start and callback. Reads (GET /auth/user) are not
/// counted, so a busy SPA behind one NAT does not lock itself out. The operator token and setup endpoints have
/// their own fixed limit (<see cref="IpRateLimiter.OperatorAttemptsPerMinute"/>), which the app's setting can't raise.
/// Runs after routing: the endpoint's metadata says which bucket applies.
/// </summary>
internal sealed class IpRateLimitMiddleware(RequestDelegate next, IpRateLimiter limiter, ISettingsReader settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IpLimit>();
        int? retryAfter = null;
        if (limit is { IsOperatorAttempt: true }) retryAfter = limiter.TryAcquireOperatorAttempt(IpRateLimiter.ClientOf(context));
        else if (limit is not null && limit.Counts(context.Request)) retryAfter = limiter.TryAcquire(IpRateLimiter.ClientOf(context), settings.Current.Settings.Security.IpRequestsPerMinute);
        if (retryAfter is { } seconds)
        {
            await ErrorWriter.WriteAsync(context, new AuthError(AuthErrors.RateLimitExceeded,
                "Too many requests from this address; slow down.") { RetryAfterSeconds = seconds });
            return;
        }

        await next(context);
    }
}
