namespace Studio.Web.Security;

/// <summary>
/// Browser hardening for the studio's pages and assets. The runtime's paths are left alone: apps call
/// them cross-origin and they answer JSON with headers of their own.
/// </summary>
internal sealed class StudioSecurityHeaders(RequestDelegate next)
{
    // Blazor Server needs no eval; MudBlazor sets inline styles, so styles (only) allow 'unsafe-inline'.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    private static readonly PathString[] RuntimePrefixes =
        ["/auth", "/oauth", "/admin/api", "/healthz", "/.well-known", "/openapi"];

    public static bool IsRuntimePath(PathString path)
    {
        foreach (var prefix in RuntimePrefixes)
            if (path.StartsWithSegments(prefix)) return true;
        return false;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!IsRuntimePath(context.Request.Path))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
        }
        return next(context);
    }
}
