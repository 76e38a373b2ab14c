using System.Text;

namespace Auth.Core.Settings;

internal sealed partial record ParsedUrl
{
    // RFC 3986 "pchar" minus '%' (handled separately): what may stay as-is in a path.
    private const string PathSafe = "-._~!$&'()*+,;=:@/";

    /// <summary>
    /// Canonical path: percent-escapes upper-cased, escapes of unreserved characters decoded
    /// (so <c>%2e%2e</c> is seen as <c>..</c>), other characters escaped as a browser would,
    /// then dot segments removed. Null when an escape is malformed.
    /// </summary>
    private static string? NormalizePath(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
                    return null;
                var value = (char)Convert.ToByte(raw.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~')
                    builder.Append(value);
                else
                    builder.Append('%').Append(char.ToUpperInvariant(raw[i + 1])).Append(char.ToUpperInvariant(raw[i + 2]));
                i += 2;
            }
            else if (char.IsAsciiLetterOrDigit(c) || PathSafe.Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else
            {
                // Non-ASCII and characters such as '"' or '<': a browser sends them UTF-8 percent-encoded.
                var end = char.IsHighSurrogate(c) && i + 1 < raw.Length ? i + 2 : i + 1;
                foreach (var b in Encoding.UTF8.GetBytes(raw[i..end]))
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                i = end - 1;
            }
        }
        return RemoveDotSegments(builder.ToString());
    }

    // RFC 3986 §5.2.4 on an absolute path: a browser resolves "/a/../b" before requesting it,
    // so the allow-list must judge the resolved path.
    private static string RemoveDotSegments(string path)
    {
        var input = path.Split('/');
        var output = new List<string>(input.Length);
        for (var i = 1; i < input.Length; i++)
        {
            var segment = input[i];
            var last = i == input.Length - 1;
            if (segment == "..")
            {
                if (output.Count > 0)
                    output.RemoveAt(output.Count - 1);
            }
            else if (segment != ".")
            {
                output.Add(segment);
                continue;
            }
            if (last)
                output.Add("");
        }
        return "/" + string.Join('/', output);
    }

    private static bool PercentEncodingIsValid(string text)
    {
        for (var i = text.IndexOf('%', StringComparison.Ordinal); i >= 0; i = text.IndexOf('%', i + 1))
        {
            if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                return false;
        }
        return true;
    }
}
