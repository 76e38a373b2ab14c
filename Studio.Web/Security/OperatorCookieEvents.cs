using System.Security.Claims;
using Auth.Core.Operators;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Studio.Web.Security;

/// <summary>
/// Checked on every request: a removed operator's cookie, or one from before a password change, stops working at
/// once; after a role change the cookie is re-issued with the new role, so the next page load already obeys it.
/// </summary>
internal sealed class OperatorCookieEvents(OperatorService operators) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var op = id is null ? null : await operators.GetAsync(id, context.HttpContext.RequestAborted);
        switch (context.Principal is null ? OperatorMatch.Gone : StudioAuth.Match(context.Principal, op))
        {
            case OperatorMatch.Gone:
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(StudioAuth.Scheme);
                break;
            case OperatorMatch.RoleChanged:
                context.ReplacePrincipal(StudioAuth.CreatePrincipal(op!));
                context.ShouldRenew = true;
                break;
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
