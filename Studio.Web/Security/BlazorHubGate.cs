namespace Studio.Web.Security;

/// <summary>
/// Refuses the interactive circuit's hub (<c>/_blazor</c>) to anyone not signed in, so no component
/// can be reached over the socket by skipping the pages' own authorization.
/// </summary>
internal sealed class BlazorHubGate(RequestDelegate next)
{
    public static readonly PathString HubPath = "/_blazor";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(HubPath) && context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
