using Auth.Core.Settings;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Auth.Runtime.BrowserClient;

/// <summary>
/// CORS for the routes the route map marks with <see cref="BrowserOrigins"/> (all of <c>/auth</c>): apps call the
/// runtime from their own origin, and the origins allowed are those of the published redirect URLs (read per
/// request, so publishing takes effect at once). An allowed origin is echoed back, never <c>*</c>, since
/// credentials are allowed. <c>/auth/client.js</c> itself is public and readable from anywhere.
/// Runs after routing: the endpoint's metadata says which policy applies.
/// </summary>
internal sealed class BrowserClientCors(ISettingsReader settings) : IMiddleware
{
    private const string AllowedMethods = "GET, POST, DELETE";
    private const string AllowedHeaders = "Content-Type, Session, Authorization";
    private const string MaxAgeSeconds = "600";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (context.GetEndpoint()?.Metadata.GetMetadata<BrowserOrigins>() is not { } policy
            || request.Headers.Origin.ToString() is not { Length: > 0 } origin)
            return next(context);

        var response = context.Response;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        var allowed = policy.Any || RedirectUrlMatcher.IsAllowedOrigin(settings.Current.Settings.RedirectURLs, origin);

        if (HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            // Preflight: answered here; routing sent it to the endpoint it asks about, which must not run for it.
            response.StatusCode = StatusCodes.Status204NoContent;
            if (allowed)
            {
                AllowOrigin(response, origin);
                response.Headers.AccessControlAllowMethods = AllowedMethods;
                response.Headers.AccessControlAllowHeaders = AllowedHeaders;
                response.Headers.AccessControlMaxAge = MaxAgeSeconds;
            }
            return Task.CompletedTask;
        }

        if (allowed)
        {
            // Set as the response starts: error handling clears headers when it rewrites a response.
            response.OnStarting(() =>
            {
                AllowOrigin(response, origin);
                response.Headers.AccessControlExposeHeaders = HeaderNames.RetryAfter;
                return Task.CompletedTask;
            });
        }
        return next(context);
    }

    private static void AllowOrigin(HttpResponse response, string origin)
    {
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.AccessControlAllowCredentials = "true";
    }
}

public static class BrowserClientCorsExtensions
{
    /// <summary>CORS for <c>/auth/*</c> from the origins of the published redirect URLs. Call before <c>UseAuthRuntime</c>'s error handling.</summary>
    public static IApplicationBuilder UseAuthBrowserCors(this IApplicationBuilder app) => app.UseMiddleware<BrowserClientCors>();
}
