using Auth.Core.Data.Entities;
using Auth.Core.Operators;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Auth.Runtime.Admin;

/// <summary>Requires an operator bearer token. End-user session tokens carry another JWT type and are refused.</summary>
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

        http.Features.Set(result.Value);
        using (Auth.Core.Activity.ActivityActor.AsOperator(result.Value.Id)) return await next(context);
    }
}

internal static class OperatorHttpContextExtensions
{
    public static Operator Operator(this HttpContext context) =>
        context.Features.Get<Operator>() ?? throw new InvalidOperationException("The endpoint is not behind OperatorAuthenticationFilter.");
}
