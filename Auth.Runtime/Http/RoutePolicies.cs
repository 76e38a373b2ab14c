using Auth.Runtime.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth.Runtime.Http;

/// <summary>
/// Which per-IP bucket a route counts in (read by <see cref="IpRateLimitMiddleware"/>). Routes without it are
/// not counted: reads like <c>GET /auth/user</c> must not lock out a busy app behind one NAT.
/// </summary>
internal sealed class IpLimit
{
    /// <summary>POSTs count against <c>security.ipRequestsPerMinute</c>; GETs and HEADs do not.</summary>
    public static readonly IpLimit Posts = new(postsOnly: true, operatorAttempts: false);

    /// <summary>Every request counts against <c>security.ipRequestsPerMinute</c>.</summary>
    public static readonly IpLimit EveryRequest = new(postsOnly: false, operatorAttempts: false);

    /// <summary>The fixed <see cref="IpRateLimiter.OperatorAttemptsPerMinute"/> bucket, which the app's setting can't raise.</summary>
    public static readonly IpLimit OperatorAttempts = new(postsOnly: false, operatorAttempts: true);

    private readonly bool _postsOnly;

    private IpLimit(bool postsOnly, bool operatorAttempts) => (_postsOnly, IsOperatorAttempt) = (postsOnly, operatorAttempts);

    public bool IsOperatorAttempt { get; }

    public bool Counts(HttpRequest request) => !_postsOnly || HttpMethods.IsPost(request.Method);
}

/// <summary>Which origins may read a route's answers from a browser (read by <c>BrowserClientCors</c>).</summary>
internal sealed class BrowserOrigins
{
    /// <summary>The origins of the published redirect URLs, with credentials.</summary>
    public static readonly BrowserOrigins AppOrigins = new(any: false);

    /// <summary>Any origin: public code such as the browser client.</summary>
    public static readonly BrowserOrigins AnyOrigin = new(any: true);

    private BrowserOrigins(bool any) => Any = any;

    public bool Any { get; }
}

/// <summary>The policies the route map puts in front of routes, so each route's line says what guards it.</summary>
internal static class RoutePolicies
{
    /// <summary>A live end-user session (<see cref="SessionAuthenticationFilter"/>).</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, SessionAuthenticationFilter>();

    /// <summary>A session that must still enrol a second factor (<c>mfa.required</c>) may call this route; all others answer 403.</summary>
    public static TBuilder AllowBeforeMfaEnrollment<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(MfaEnrollmentAllowed.Instance);

    /// <summary>An operator bearer token (<see cref="OperatorAuthenticationFilter"/>).</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, OperatorAuthenticationFilter>().WithMetadata(OperatorRequired.Instance);

    /// <summary>Which operator roles may call the route (<see cref="OperatorAccess"/>); the innermost call wins.</summary>
    public static TBuilder AllowRoles<TBuilder>(this TBuilder builder, OperatorAccess access) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(access);

    public static TBuilder LimitPerIp<TBuilder>(this TBuilder builder, IpLimit limit) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(limit);

    /// <summary>
    /// CORS for browsers (<c>BrowserClientCors</c>). A preflight (OPTIONS) is routed to the endpoint it asks about,
    /// so the CORS middleware knows the route's policy and answers it before the endpoint would run.
    /// </summary>
    public static TBuilder AllowBrowserOrigins<TBuilder>(this TBuilder builder, BrowserOrigins origins) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(origins);
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { AcceptCorsPreflight: false } methods)
                endpoint.Metadata.Add(new HttpMethodMetadata(methods.HttpMethods, acceptCorsPreflight: true));
        });
        return builder;
    }
}
