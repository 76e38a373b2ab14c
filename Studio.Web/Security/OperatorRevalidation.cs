using System.Security.Claims;
using Auth.Core.Operators;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Studio.Web.Security;

/// <summary>An open circuit notices within a minute that its operator was removed, and signs out.</summary>
internal sealed class OperatorRevalidation(ILoggerFactory loggerFactory, OperatorService operators)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var id = authenticationState.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is not null && await operators.GetAsync(id, cancellationToken) is not null;
    }
}
