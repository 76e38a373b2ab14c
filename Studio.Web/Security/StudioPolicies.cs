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

    /// <summary>
    /// One's own authenticator page: any operator, also one the Owner's "authenticator required" limits to enrolling
    /// (the two policies above refuse them, ADR 0021).
    /// </summary>
    public const string AnyOperatorEnrolling = "studio-any-operator-enrolling";

    public static IServiceCollection AddStudioAuthorization(this IServiceCollection services) =>
        services.AddAuthorizationCore(Configure);

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Owner, p => p.RequireAuthenticatedUser().RequireRole(nameof(OperatorRole.Owner)).RequireAssertion(Enrolled));
        options.AddPolicy(AnyOperator, p => p.RequireAuthenticatedUser().RequireRole(Enum.GetNames<OperatorRole>()).RequireAssertion(Enrolled));
        options.AddPolicy(AnyOperatorEnrolling, p => p.RequireAuthenticatedUser().RequireRole(Enum.GetNames<OperatorRole>()));
    }

    private static bool Enrolled(AuthorizationHandlerContext context) => !StudioAuth.MustEnrol(context.User);
}
