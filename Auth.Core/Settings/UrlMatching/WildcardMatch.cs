namespace Auth.Core.Settings;

/// <summary>
/// Glob matching for one host label or path segment: <c>*</c> matches one or more characters,
/// never '.', '/', '\' or their percent-escapes, and never splits a percent-escape.
/// </summary>
internal static class WildcardMatch
{
    public static bool IsMatch(string pattern, string text)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
            return string.Equals(pattern, text, StringComparison.Ordinal);
        // Memoised on (pattern index, text index): several stars can't go exponential.
        var memo = new bool?[pattern.Length + 1, text.Length + 1];
        return Match(pattern, 0, text, 0, memo);
    }

    private static bool Match(string pattern, int p, string text, int t, bool?[,] memo)
    {
        if (memo[p, t] is { } known)
            return known;
        bool result;
        if (p == pattern.Length)
            result = t == text.Length;
        else if (pattern[p] != '*')
            result = t < text.Length && pattern[p] == text[t] && Match(pattern, p + 1, text, t + 1, memo);
        else
            result = MatchStar(pattern, p, text, t, memo);
        memo[p, t] = result;
        return result;
    }

    private static bool MatchStar(string pattern, int p, string text, int t, bool?[,] memo)
    {
        var end = t;
        while (end < text.Length)
        {
            var c = text[end];
            if (c is '.' or '/' or '\\')
                return false;
            if (c == '%')
            {
                if (end + 2 >= text.Length)
                    return false;
                var escape = text.AsSpan(end, 3);
                if (escape.Equals("%2F", StringComparison.OrdinalIgnoreCase)
                    || escape.Equals("%5C", StringComparison.OrdinalIgnoreCase)
                    || escape.Equals("%2E", StringComparison.OrdinalIgnoreCase))
                    return false;
                end += 3;
            }
            else
            {
                end++;
            }
            if (Match(pattern, p + 1, text, end, memo))
                return true;
        }
        return false;
    }
}
