using Auth.Core.Operators;

namespace Auth.Runtime.Admin;

/// <summary>
/// Which operator roles may call a management route: endpoint metadata put there by the route map
/// (<c>RoutePolicies.AllowRoles</c>) and enforced by <see cref="OperatorAuthenticationFilter"/>. A route behind
/// <c>RequireOperator</c> without it is Owner-only, and a test fails until the map says which (ADR 0017).
/// </summary>
public sealed class OperatorAccess
{
    /// <summary>Settings, templates, versions, operators: Owners only.</summary>
    public static readonly OperatorAccess OwnerOnly = new(allowsSupport: false);

    /// <summary>Users, activity, messages, one's own password: every operator.</summary>
    public static readonly OperatorAccess OwnerAndSupport = new(allowsSupport: true);

    private OperatorAccess(bool allowsSupport) => AllowsSupport = allowsSupport;

    public bool AllowsSupport { get; }

    public bool Allows(OperatorRole role) => role == OperatorRole.Owner || (AllowsSupport && role == OperatorRole.Support);

    public override string ToString() => AllowsSupport ? "Owner and Support" : "Owner only";
}

/// <summary>Marks a route as guarded by <see cref="OperatorAuthenticationFilter"/>, so tests can list every such route.</summary>
public sealed class OperatorRequired
{
    public static readonly OperatorRequired Instance = new();

    private OperatorRequired()
    {
    }
}
