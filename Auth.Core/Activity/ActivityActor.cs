namespace Auth.Core.Activity;

/// <summary>
/// The operator on whose behalf the current code runs, carried along the async flow: the management API's operator
/// filter and the studio's circuit handler set it, so the services they call (shared with the runtime) need no extra
/// parameter to say who acted. Outside such a scope events are the user's own, or the system's.
/// </summary>
public static class ActivityActor
{
    private static readonly AsyncLocal<string?> CurrentOperator = new();
    private static readonly AsyncLocal<Sessions.ClientInfo?> CurrentClient = new();

    public static string? OperatorId => CurrentOperator.Value;

    /// <summary>
    /// Where the operator of this flow works from, when no HTTP request says it (a studio circuit captures it from the
    /// request that opened it); null elsewhere.
    /// </summary>
    public static Sessions.ClientInfo? Client => CurrentClient.Value;

    /// <summary>Until disposed, events written on this flow name <paramref name="operatorId"/> as their actor.</summary>
    public static IDisposable AsOperator(string operatorId) => AsOperator(operatorId, null);

    /// <summary>As <see cref="AsOperator(string)"/>, with the IP and user agent the events record.</summary>
    public static IDisposable AsOperator(string operatorId, Sessions.ClientInfo? client)
    {
        var previous = (CurrentOperator.Value, CurrentClient.Value);
        CurrentOperator.Value = operatorId;
        CurrentClient.Value = client;
        return new Restore(previous.Item1, previous.Item2);
    }

    private sealed class Restore(string? previous, Sessions.ClientInfo? previousClient) : IDisposable
    {
        public void Dispose()
        {
            CurrentOperator.Value = previous;
            CurrentClient.Value = previousClient;
        }
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
