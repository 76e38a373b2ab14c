using Auth.Core.Operators;
using Microsoft.AspNetCore.Authorization;

namespace Studio.Web.Security;

/// <summary>
/// The studio's authorization policies, one per decision a page can carry (ADR 0017). Every routable page
/// names one of them (or is anonymous); a test over the page list fails for a page without a decision.
/// </summary>
public static class StudioPolicies
{
    /// <summary>Settings, providers, templates, redirect URLs, versions, operators.</summary>
    public const string Owner = "studio-owner";

    /// <summary>Overview, users, activity, messages, one's own password.</summary>
    public const string AnyOperator = "studio-any-operator";

    public static IServiceCollection AddStudioAuthorization(this IServiceCollection services) =>
        services.AddAuthorizationCore(Configure);

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Owner, p => p.RequireAuthenticatedUser().RequireRole(nameof(OperatorRole.Owner)));
        options.AddPolicy(AnyOperator, p => p.RequireAuthenticatedUser().RequireRole(Enum.GetNames<OperatorRole>()));
    }
}
