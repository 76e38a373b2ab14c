namespace Studio.Web.Security;

/// <summary>
/// Guards the interactive circuit's hub (<c>/_blazor</c>): a page on another origin gets 403 even when the
/// browser attaches the studio cookie (cross-site WebSocket hijacking), and anyone not signed in gets 401,
/// so no component can be reached over the socket by skipping the pages' own authorization.
/// </summary>
internal sealed class BlazorHubGate(RequestDelegate next, StudioOrigins origins)
{
    public static readonly PathString HubPath = "/_blazor";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(HubPath)) return next(context);
        if (!origins.Allows(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
