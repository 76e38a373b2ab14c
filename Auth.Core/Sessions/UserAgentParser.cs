namespace Auth.Core.Sessions;

/// <summary>Parses User-Agent headers. Never throws.</summary>
public static class UserAgentParser
{
    public static UserAgentInfo Parse(string? userAgent) => UserAgentInfo.Empty(userAgent);
}
