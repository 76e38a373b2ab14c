using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Operators;
using Auth.Core.Operators.Mfa;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Auth.Runtime.Admin;

/// <summary>
/// Requires an operator bearer token (end-user session tokens carry another JWT type and are refused) whose
/// operator's role the route's <see cref="OperatorAccess"/> allows. The role is read with the operator on every
/// request, so a role change or removal applies to the next call.
/// </summary>
internal sealed class OperatorAuthenticationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authorization = http.Request.Headers[HeaderNames.Authorization].ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
        var result = await http.RequestServices.GetRequiredService<OperatorService>().AuthenticateAsync(token, http.RequestAborted);
        if (!result.IsSuccess)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return new ErrorHttpResult(result.Error);
        }

        // No decision on the route means Owner-only: a forgotten route fails closed.
        var access = http.GetEndpoint()?.Metadata.GetMetadata<OperatorAccess>() ?? OperatorAccess.OwnerOnly;
        if (!access.Allows(result.Value.Role))
            return new ErrorHttpResult(new AuthError(AuthErrors.ForbiddenForRole, $"A {result.Value.Role} operator may not use this route."));

        // Under the Owner's "authenticator required" an operator without one may only enrol, which the API doesn't offer.
        if (await http.RequestServices.GetRequiredService<OperatorMfaPolicy>().MustEnrolAsync(result.Value.Id, http.RequestAborted))
            return new ErrorHttpResult(new AuthError(AuthErrors.MfaEnrollmentRequired,
                "Every operator needs an authenticator app: set one up in the studio (You → Two-step sign-in) first."));

        http.Features.Set(result.Value);
        using (Auth.Core.Activity.ActivityActor.AsOperator(result.Value.Id)) return await next(context);
    }
}

internal static class OperatorHttpContextExtensions
{
    public static Operator Operator(this HttpContext context) =>
        context.Features.Get<Operator>() ?? throw new InvalidOperationException("The endpoint is not behind OperatorAuthenticationFilter.");
}
