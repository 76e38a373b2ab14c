using System.Text.RegularExpressions;

namespace Auth.Core.Sessions;

/// <summary>
/// One pattern of an ordered rule table. As in ua-parser-js, the first rule of a table whose
/// pattern matches anywhere in the header wins, so tables list specific tokens before generic ones.
/// </summary>
internal sealed class UaRule<T>(string pattern, Func<Match, T> map, TimeSpan? timeout = null)
    where T : class
{
    private readonly Regex _regex = new(pattern, UaRule.Options, timeout ?? UaRule.MatchTimeout);

    public T? TryMatch(string ua)
    {
        var match = _regex.Match(ua);
        return match.Success ? map(match) : null;
    }
}

internal static class UaRule
{
    // Headers are attacker-controlled: every match is bounded so a crafted header cannot pin a thread.
    // Generous: inputs are capped at 512 chars, so this only stops a pathological case.
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // Interpreted, not Compiled: a compiled pattern is JIT-compiled on its first match, inside the timeout window,
    // and on a loaded 2-core machine that first match of a rarely used rule overran the second (a real Edge header
    // parsed as empty). Headers are parsed only when a session is opened or listed, never on the /auth/user path.
    internal const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static T? First<T>(IReadOnlyList<UaRule<T>> rules, string ua)
        where T : class
    {
        foreach (var rule in rules)
        {
            if (rule.TryMatch(ua) is { } result)
                return result;
        }

        return null;
    }

    /// <summary>A group's text, or "" when the group did not take part in the match.</summary>
    public static string G(this Match match, int group) =>
        match.Groups[group] is { Success: true } g ? g.Value : "";

    /// <summary>The leading number of a version ("124.0.6367.91" → "124"), ignoring stray letters.</summary>
    public static string Major(string version) =>
        new(version.TakeWhile(c => c != '.').Where(char.IsAsciiDigit).ToArray());
}
