namespace Auth.Core.Sessions;

/// <summary>Where a request came from; stored with the session it opens.</summary>
public sealed record ClientInfo(string? UserAgent, string? IpAddress)
{
    public static readonly ClientInfo None = new(null, null);
}
