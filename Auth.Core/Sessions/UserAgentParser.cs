using System.Text.RegularExpressions;

namespace Auth.Core.Sessions;

/// <summary>
/// Parses User-Agent headers into the ua-parser-js 1.0.x result shape and naming, so sessions
/// recorded here read the same as those recorded by the Agnost reference implementation's JavaScript. Never throws.
/// </summary>
public static class UserAgentParser
{
    /// <summary>Real headers fit easily; anything longer is only parsed up to here, to bound the work.</summary>
    internal const int MaxParsedLength = 512;

    /// <summary>The raw header kept in <see cref="UserAgentInfo.Ua"/>, so one session cannot bloat storage.</summary>
    internal const int MaxStoredLength = 1024;

    public static UserAgentInfo Parse(string? userAgent)
    {
        if (userAgent is null)
            return UserAgentInfo.Empty();

        var stored = userAgent.Length > MaxStoredLength ? userAgent[..MaxStoredLength] : userAgent;
        if (string.IsNullOrWhiteSpace(stored))
            return UserAgentInfo.Empty(stored);

        var parsed = stored.Length > MaxParsedLength ? stored[..MaxParsedLength] : stored;
        try
        {
            var empty = UserAgentInfo.Empty(stored);
            return empty with
            {
                Browser = UaRule.First(UserAgentRules.Browsers, parsed) ?? empty.Browser,
                Engine = UaRule.First(UserAgentRules.Engines, parsed) ?? empty.Engine,
                Os = UaRule.First(UserAgentRules.OperatingSystems, parsed) ?? empty.Os,
                Device = UaRule.First(UserAgentDeviceRules.Devices, parsed) ?? empty.Device,
                Cpu = UaRule.First(UserAgentRules.Cpus, parsed) ?? empty.Cpu,
            };
        }
        catch (RegexMatchTimeoutException)
        {
            // A header that makes a pattern this slow is hostile or broken; it gets no partial guesses.
            return UserAgentInfo.Empty(stored);
        }
    }
}
