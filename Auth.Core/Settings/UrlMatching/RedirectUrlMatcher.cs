namespace Auth.Core.Settings;

/// <summary>
/// Decides whether a redirect target is on the allow-list (<see cref="AuthSettings.RedirectURLs"/>).
/// Used by the runtime before any redirect and by the studio's tester.
/// </summary>
/// <remarks>
/// Entries match after normalisation (see <see cref="Normalize"/>) on scheme, host, port and path.
/// The candidate's query string is not compared: apps routinely carry state in it, and it can't
/// change where the browser goes. Its fragment is dropped. A trailing slash is significant
/// (<c>/cb</c> ≠ <c>/cb/</c>), except that an empty path is <c>/</c>.
/// A <c>*</c> in an entry matches one or more characters inside one host label or one path segment;
/// it never matches <c>.</c>, <c>/</c> or an escaped slash, so it can't reach another domain or path level.
/// </remarks>
public static class RedirectUrlMatcher
{
    public const int MaxEntries = 100;

    /// <summary>Normalised form of an absolute http(s) URL; throws <see cref="FormatException"/> when it is not one.</summary>
    public static string Normalize(string url, bool allowWildcards = false) =>
        TryNormalize(url, out var normalized, out var error, allowWildcards) ? normalized : throw new FormatException(error);

    public static bool TryNormalize(string? url, out string normalized, out string error, bool allowWildcards = false)
    {
        var ok = ParsedUrl.TryParse(url, allowWildcards, out var parsed, out error);
        normalized = ok ? parsed.ToString() : "";
        return ok;
    }

    /// <summary>Why <paramref name="entry"/> can't be on the allow-list, or null when it can.</summary>
    public static string? ValidateEntry(string? entry)
    {
        if (!ParsedUrl.TryParse(entry, allowWildcards: true, out var url, out var error))
            return error;
        if (url.HasFragment)
            return "Must not contain a fragment (#…).";
        if (url.Query is not null)
            return "Must not contain a query string; the query of a redirect URL is not checked.";
        var labels = url.Host.Split('.');
        // A wildcard in the last two labels would allow whole public suffixes (*.com, *.vercel.app).
        var literalLabels = labels[^1] == "localhost" ? 1 : 2;
        if (labels.Skip(Math.Max(0, labels.Length - literalLabels)).Any(l => l.Contains('*', StringComparison.Ordinal)))
            return "A wildcard can't be used in the domain name itself, only in the labels to its left (https://*.example.com).";
        return null;
    }

    /// <summary>Finds the entry allowing <paramref name="candidate"/>; exact entries are preferred over patterns.</summary>
    public static RedirectUrlMatch Match(IReadOnlyList<string> allowList, string? candidate)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        if (!ParsedUrl.TryParse(candidate, allowWildcards: false, out var url, out var error))
            return RedirectUrlMatch.Refused(error);

        // Invalid entries are skipped here; SettingsValidator reports them when the settings are saved.
        var entries = allowList
            .Where(e => ValidateEntry(e) is null)
            .Select(e => (Text: e, Url: Parse(e)))
            .OrderBy(e => e.Text.Contains('*', StringComparison.Ordinal))
            .ToList();
        if (entries.Count == 0)
            return RedirectUrlMatch.Refused("No redirect URLs are allowed yet; add one to the settings.", url.ToString());

        foreach (var entry in entries)
        {
            if (SameOrigin(entry.Url, url) && PartsMatch(entry.Url.Path, url.Path, '/'))
                return RedirectUrlMatch.Allowed(entry.Text, url.ToString());
        }

        var sameOrigin = entries.Where(e => SameOrigin(e.Url, url)).Select(e => e.Url.Path).ToList();
        var reason = sameOrigin.Count == 0
            ? $"No allowed redirect URL has the origin {url.Origin}."
            : $"The path {url.Path} is not allowed for {url.Origin} (allowed: {string.Join(", ", sameOrigin)}).";
        return RedirectUrlMatch.Refused(reason, url.ToString());
    }

    /// <summary>
    /// True when <paramref name="origin"/> (an <c>Origin</c> header: scheme, host and port only) is the
    /// origin of a valid allow-list entry, wildcards included. Apps call the runtime from these origins.
    /// </summary>
    public static bool IsAllowedOrigin(IReadOnlyList<string> allowList, string? origin)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        if (string.IsNullOrEmpty(origin) || !ParsedUrl.TryParse(origin, allowWildcards: false, out var url, out _)
            || url.Path != "/" || url.Query is not null || url.HasFragment || origin.EndsWith('/'))
            return false;
        return allowList.Any(e => ValidateEntry(e) is null && SameOrigin(Parse(e), url));
    }

    private static ParsedUrl Parse(string entry)
    {
        ParsedUrl.TryParse(entry, allowWildcards: true, out var url, out _);
        return url;
    }

    private static bool SameOrigin(ParsedUrl pattern, ParsedUrl url) =>
        pattern.Scheme == url.Scheme && pattern.Port == url.Port && PartsMatch(pattern.Host, url.Host, '.');

    // Same number of labels/segments, each matching: this is what keeps '*' inside one part.
    private static bool PartsMatch(string pattern, string text, char separator)
    {
        var patternParts = pattern.Split(separator);
        var textParts = text.Split(separator);
        if (patternParts.Length != textParts.Length)
            return false;
        for (var i = 0; i < patternParts.Length; i++)
        {
            if (!WildcardMatch.IsMatch(patternParts[i], textParts[i]))
                return false;
        }
        return true;
    }
}
