namespace Auth.Core.Sessions;

/// <summary>
/// A User-Agent header parsed into the Agnost client API's shape (ua-parser-js field names).
/// Unknown parts are empty strings, never null.
/// </summary>
public sealed record UserAgentInfo(
    string Ua,
    UserAgentBrowser Browser,
    UserAgentEngine Engine,
    UserAgentOs Os,
    UserAgentDevice Device,
    UserAgentCpu Cpu)
{
    public static UserAgentInfo Empty(string? ua = null) => new(
        ua ?? "",
        new UserAgentBrowser("", "", ""),
        new UserAgentEngine("", ""),
        new UserAgentOs("", ""),
        new UserAgentDevice("", "", ""),
        new UserAgentCpu(""));
}

public sealed record UserAgentBrowser(string Name, string Version, string Major);

public sealed record UserAgentEngine(string Name, string Version);

public sealed record UserAgentOs(string Name, string Version);

public sealed record UserAgentDevice(string Model, string Type, string Vendor);

public sealed record UserAgentCpu(string Architecture);
