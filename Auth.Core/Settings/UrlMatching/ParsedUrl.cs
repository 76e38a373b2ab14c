using System.Globalization;
using System.Net;
using System.Text;

namespace Auth.Core.Settings;

/// <summary>
/// An http(s) URL taken apart and normalised the way a browser would see it: lower-case scheme
/// and host, IDN as punycode, default port dropped, dot segments resolved, percent-encoding
/// canonical. Parsing is strict: anything a browser might read differently from us is refused.
/// </summary>
internal sealed partial record ParsedUrl(string Scheme, string Host, int? Port, string Path, string? Query, bool HasFragment)
{
    public string Origin => Port is null ? $"{Scheme}://{Host}" : $"{Scheme}://{Host}:{Port.Value.ToString(CultureInfo.InvariantCulture)}";

    public override string ToString() => Query is null ? Origin + Path : $"{Origin}{Path}?{Query}";

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    // allowWildcards: whether "*" may appear in host labels (allow-list entries only).
    public static bool TryParse(string? input, bool allowWildcards, out ParsedUrl url, out string error)
    {
        url = null!;
        error = Check(input, allowWildcards, ref url);
        return error.Length == 0;
    }

    private static string Check(string? input, bool allowWildcards, ref ParsedUrl url)
    {
        if (string.IsNullOrEmpty(input))
            return "A URL is required.";
        // Browsers strip or reinterpret these (tabs, newlines, "\" as "/"), which is how allow-lists get bypassed.
        if (input.Any(c => c <= ' ' || c == '\u007f' || c == '\\'))
            return "Must not contain spaces, control characters or backslashes.";

        var colon = input.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(input.AsSpan(0, colon)))
            return "Must be an absolute URL starting with http:// or https://.";
        var scheme = input[..colon].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
            return "Only http and https URLs are allowed.";
        if (!input.AsSpan(colon + 1).StartsWith("//"))
            return "Must be an absolute URL starting with http:// or https://.";

        var rest = input[(colon + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        rest = authorityEnd < 0 ? "" : rest[authorityEnd..];
        if (authority.Contains('@', StringComparison.Ordinal))
            return "Must not contain user information (user@host).";

        var hostError = SplitHostPort(authority, scheme, allowWildcards, out var host, out var port);
        if (hostError.Length > 0)
            return hostError;

        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        var hasFragment = hash >= 0;
        if (hasFragment)
            rest = rest[..hash];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? null : rest[(question + 1)..];
        var rawPath = question < 0 ? rest : rest[..question];

        var path = NormalizePath(rawPath.Length == 0 ? "/" : rawPath);
        if (path is null)
            return "Contains an invalid percent-encoding.";
        if (query is not null && !PercentEncodingIsValid(query))
            return "Contains an invalid percent-encoding.";

        url = new ParsedUrl(scheme, host, port, path, query, hasFragment);
        return "";
    }

    private static bool IsScheme(ReadOnlySpan<char> s) =>
        char.IsAsciiLetter(s[0]) && s.ContainsAnyExcept(SchemeChars) is false;

    private static readonly System.Buffers.SearchValues<char> SchemeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

    private static string SplitHostPort(string authority, string scheme, bool allowWildcards, out string host, out int? port)
    {
        host = "";
        port = null;
        string rawHost, rawPort;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(authority[1..close], out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
                return "The host is not a valid IPv6 address.";
            rawHost = $"[{ip}]";
            rawPort = authority[(close + 1)..];
            if (rawPort.Length > 0 && rawPort[0] != ':')
                return "The host is not valid.";
            rawPort = rawPort.TrimStart(':');
        }
        else
        {
            var parts = authority.Split(':');
            if (parts.Length > 2)
                return "The host is not valid.";
            rawHost = parts[0];
            rawPort = parts.Length == 2 ? parts[1] : "";
            var hostError = NormalizeHost(rawHost, allowWildcards, out rawHost);
            if (hostError.Length > 0)
                return hostError;
        }

        if (rawPort.Contains('*', StringComparison.Ordinal))
            return "Wildcards are allowed only in the host and the path.";
        if (rawPort.Length > 0)
        {
            if (rawPort.Length > 5 || !rawPort.All(char.IsAsciiDigit))
                return "The port is not valid.";
            var number = int.Parse(rawPort, CultureInfo.InvariantCulture);
            if (number is < 1 or > 65535)
                return "The port must be between 1 and 65535.";
            var isDefault = (scheme == "http" && number == 80) || (scheme == "https" && number == 443);
            port = isDefault ? null : number;
        }
        host = rawHost;
        return "";
    }

    private static string NormalizeHost(string raw, bool allowWildcards, out string host)
    {
        host = "";
        if (raw.Length == 0)
            return "The host is missing.";
        var labels = raw.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0)
                return "The host is not valid (empty label).";
            if (!Ascii.IsValid(label))
            {
                if (label.Contains('*', StringComparison.Ordinal))
                    return "A wildcard label must be ASCII.";
                try
                {
                    label = Idn.GetAscii(label);
                }
                catch (ArgumentException)
                {
                    return "The host is not a valid domain name.";
                }
            }
            label = label.ToLowerInvariant();
            foreach (var c in label)
            {
                var ok = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '*' && allowWildcards);
                if (!ok)
                    return c == '*' ? "Wildcards are not allowed here." : $"The host contains an invalid character '{c}'.";
            }
            if (label.Length > 63)
                return "A host label is longer than 63 characters.";
            labels[i] = label;
        }
        host = string.Join('.', labels);
        return host.Length > 253 ? "The host is longer than 253 characters." : "";
    }
}
