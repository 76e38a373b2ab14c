using System.Security.Claims;
using Auth.Core.Operators;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Studio.Web.Security;

/// <summary>A removed operator's cookie stops working on the next request, not when it expires.</summary>
internal sealed class OperatorCookieEvents(OperatorService operators) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || await operators.GetAsync(id, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StudioAuth.Scheme);
        }
    }

    // Scripts and the hub get a status, not an HTML sign-in page they can't show.
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Path.StartsWithSegments(BlazorHubGate.HubPath) || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        return base.RedirectToLogin(context);
    }
}
