namespace Auth.Core.Activity;

/// <summary>
/// The operator on whose behalf the current code runs, carried along the async flow: the management API's operator
/// filter and the studio's circuit handler set it, so the services they call (shared with the runtime) need no extra
/// parameter to say who acted. Outside such a scope events are the user's own, or the system's.
/// </summary>
public static class ActivityActor
{
    private static readonly AsyncLocal<string?> CurrentOperator = new();

    public static string? OperatorId => CurrentOperator.Value;

    /// <summary>Until disposed, events written on this flow name <paramref name="operatorId"/> as their actor.</summary>
    public static IDisposable AsOperator(string operatorId)
    {
        var previous = CurrentOperator.Value;
        CurrentOperator.Value = operatorId;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentOperator.Value = previous;
    }
}

/// <summary>Where the current request came from (IP, user agent); the runtime reads the HTTP request.</summary>
public interface IActivityClient
{
    string? Ip { get; }
    string? UserAgent { get; }
}

/// <summary>No request (background work, tests without the runtime).</summary>
public sealed class NoActivityClient : IActivityClient
{
    public string? Ip => null;
    public string? UserAgent => null;
}
