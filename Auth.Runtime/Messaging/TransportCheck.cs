namespace Auth.Runtime.Messaging;

/// <summary>The verdict of trying a transport out: success or failure, what happened in words, and the steps that passed.</summary>
public sealed record TransportCheck(bool Succeeded, string Message, IReadOnlyList<string> Steps)
{
    public static TransportCheck Success(string message, IReadOnlyList<string> steps) => new(true, message, steps);

    public static TransportCheck Failure(string message, IReadOnlyList<string> steps) => new(false, message, steps);
}
