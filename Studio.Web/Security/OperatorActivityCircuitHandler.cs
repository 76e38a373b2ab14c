using System.Security.Claims;
using Auth.Core.Activity;
using Auth.Core.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Net.Http.Headers;

namespace Studio.Web.Security;

/// <summary>
/// Runs every inbound activity of a circuit (a click, a form submit) as its signed-in operator, so the events the Core
/// services write for it name that operator as the actor (<see cref="ActivityActor"/>) without a parameter on each call,
/// with the IP and user agent of the browser that holds the circuit (<see cref="CircuitClient"/>).
/// </summary>
public sealed class OperatorActivityCircuitHandler(
    AuthenticationStateProvider authentication, CircuitClient client, IHttpContextAccessor http) : CircuitHandler
{
    /// <summary>
    /// The connection's own request (the hub's negotiate or WebSocket upgrade, from the same browser) is the last moment
    /// an HTTP request is at hand: later UI events arrive as hub messages with none. A reconnect may come from a new address.
    /// </summary>
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        client.Capture(http.HttpContext);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (client.Value is null) client.Capture(http.HttpContext);
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
            {
                using (ActivityActor.AsOperator(id, client.Value)) await next(context);
            }
            else
            {
                await next(context);
            }
        };
}

/// <summary>The IP and user agent of the browser holding this circuit, kept for the circuit's lifetime (scoped).</summary>
public sealed class CircuitClient
{
    public ClientInfo? Value { get; private set; }

    public void Capture(HttpContext? context)
    {
        if (context is null) return;
        var agent = context.Request.Headers[HeaderNames.UserAgent].ToString();
        Value = new ClientInfo(agent.Length > 0 ? agent : null, context.Connection.RemoteIpAddress?.ToString());
    }
}
