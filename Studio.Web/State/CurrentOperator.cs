using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Studio.Web.State;

/// <summary>The operator behind this circuit: their id (for "is this me") and e-mail (who changed the settings).</summary>
public sealed class CurrentOperator(AuthenticationStateProvider authentication)
{
    public sealed record Identity(string Id, string Email);

    public async Task<Identity> GetAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = user.Identity?.Name;
        if (user.Identity?.IsAuthenticated != true || id is null || email is null)
            throw new InvalidOperationException("Studio pages run only for a signed-in operator.");
        return new Identity(id, email);
    }
}
