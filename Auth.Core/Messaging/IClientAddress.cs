namespace Auth.Core.Messaging;

/// <summary>
/// The IP address of the client whose request is being served, for the per-IP SMS cap. Ambient so the
/// sign-up and send flows need no extra parameter; the runtime reads it from the current HTTP request.
/// </summary>
public interface IClientAddress
{
    /// <summary>Null outside a request (background work, the studio's own calls): no per-IP cap then.</summary>
    string? Current { get; }
}

/// <summary>No request: used when the HTTP runtime is not registered.</summary>
public sealed class NoClientAddress : IClientAddress
{
    public string? Current => null;
}
