using System.Security.Claims;
using Auth.Core.Operators;
using Auth.Core.Operators.Mfa;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Studio.Web.Security;

/// <summary>
/// An open circuit notices within <see cref="Interval"/> that its operator was removed, changed password or changed
/// role: its authentication state ends, the page falls back to the sign-in redirect, and the full reload picks up
/// the cookie the next request re-issues (new role) or refuses (removed, password changed).
/// </summary>
internal sealed class OperatorRevalidation(ILoggerFactory loggerFactory, OperatorService operators, OperatorMfaPolicy mfaPolicy)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var id = authenticationState.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var op = id is null ? null : await operators.GetAsync(id, cancellationToken);
        var mustEnrol = op is not null && await mfaPolicy.MustEnrolAsync(op.Id, cancellationToken);
        // A lifted limit (just enrolled) keeps the circuit: ending it would hide the recovery codes being shown. The
        // limited principal is only stricter; the next page load gets the cookie without the limit.
        var limited = mustEnrol || StudioAuth.MustEnrol(authenticationState.User);
        return StudioAuth.Match(authenticationState.User, op, limited) == OperatorMatch.Same;
    }
}
