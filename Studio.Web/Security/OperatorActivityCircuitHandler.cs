using System.Security.Claims;
using Auth.Core.Activity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Studio.Web.Security;

/// <summary>
/// Runs every inbound activity of a circuit (a click, a form submit) as its signed-in operator, so the events the Core
/// services write for it name that operator as the actor (<see cref="ActivityActor"/>) without a parameter on each call.
/// </summary>
internal sealed class OperatorActivityCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
            {
                using (ActivityActor.AsOperator(id)) await next(context);
            }
            else
            {
                await next(context);
            }
        };
}
