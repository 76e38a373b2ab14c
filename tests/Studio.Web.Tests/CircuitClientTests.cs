using System.Net;
using Auth.Core.Activity;
using Auth.Core.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Security;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>
/// A studio click arrives as a hub message, with no HTTP request of its own: the circuit handler keeps the IP and user
/// agent of the connection's request (CircuitClient) and the operator's events carry them (ADR 0016).
/// </summary>
public sealed class CircuitClientTests : StudioTest
{
    [Fact]
    public async Task OperatorAction_AfterTheConnectionsRequestIsGone_RecordsTheBrowserItCameFrom()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test");
        var accessor = new HttpContextAccessor();
        var handler = new OperatorActivityCircuitHandler(Services.GetRequiredService<AuthenticationStateProvider>(), new CircuitClient(), accessor);
        var connection = new DefaultHttpContext();
        connection.Request.Headers.UserAgent = "CircuitBrowser/1.0";
        connection.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.7");
        accessor.HttpContext = connection;
        await handler.OnConnectionUpAsync(null!, Ct);
        accessor.HttpContext = null;

        var admin = Services.GetRequiredService<UserAdministration>();
        var click = handler.CreateInboundActivityHandler(async _ => Assert.True((await admin.SetDisabledAsync(user.Id, true, Ct)).IsSuccess));
        await click(null!);

        await using var db = await OpenDbAsync();
        var disabled = await db.Events.AsNoTracking().SingleAsync(e => e.UserId == user.Id && e.Type == EventTypes.UserDisabled, Ct);
        Assert.Equal((ActorTypes.Operator, Environment.Operator.Id), (disabled.ActorType, disabled.ActorId));
        Assert.Equal(("CircuitBrowser/1.0", "198.51.100.7"), (disabled.UserAgent, disabled.Ip));
    }
}
