using System.Security.Claims;
using Auth.Core.Operators;
using Auth.Core.Operators.Mfa;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Studio.Web.Security;

/// <summary>
/// Checked on every request: a removed operator's cookie, or one from before a password change, stops working at
/// once; after a role change the cookie is re-issued with the new role, so the next page load already obeys it.
/// </summary>
internal sealed class OperatorCookieEvents(OperatorService operators, OperatorMfaPolicy mfaPolicy) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var op = id is null ? null : await operators.GetAsync(id, context.HttpContext.RequestAborted);
        // Read on every request, so the Owner's policy limits (or frees) operators at their next page load, not their next sign-in.
        var mustEnrol = op is not null && await mfaPolicy.MustEnrolAsync(op.Id, context.HttpContext.RequestAborted);
        switch (context.Principal is null ? OperatorMatch.Gone : StudioAuth.Match(context.Principal, op, mustEnrol))
        {
            case OperatorMatch.Gone:
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(StudioAuth.Scheme);
                break;
            case OperatorMatch.RoleChanged:
                context.ReplacePrincipal(StudioAuth.CreatePrincipal(op!, mustEnrol));
                context.ShouldRenew = true;
                break;
        }
    }

    // An operator who must enrol first is refused every other page: send them to the one they may open.
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (StudioAuth.MustEnrol(context.HttpContext.User) && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect(StudioAuth.TwoStepPath);
            return Task.CompletedTask;
        }
        return base.RedirectToAccessDenied(context);
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
