using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Auth.Core.Messaging;

/// <summary>The plain-text part of an e-mail, derived from its rendered HTML: links keep their address.</summary>
public static partial class HtmlToText
{
    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = HeadAndScripts().Replace(html, "");
        text = Anchor().Replace(text, m =>
        {
            var href = WebUtility.HtmlDecode(m.Groups["href"].Value).Trim();
            var label = WebUtility.HtmlDecode(Tag().Replace(m.Groups["label"].Value, "")).Trim();
            if (label.Length == 0 || label == href) return " " + href + " ";
            return href.Length == 0 ? label : $"{label}: {href}";
        });
        text = BlockBreak().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);

        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        var builder = new StringBuilder();
        var blank = true;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (!blank) builder.Append('\n');
                blank = true;
                continue;
            }
            builder.Append(line).Append('\n');
            blank = false;
        }
        return builder.ToString().Trim();
    }

    [GeneratedRegex(@"<(head|script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex HeadAndScripts();

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*[""'](?<href>[^""']*)[""'][^>]*>(?<label>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"<\s*(br|/p|/div|/h[1-6]|/li|/tr|p|div|h[1-6])\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BlockBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+", RegexOptions.None, 1000)]
    private static partial Regex Spaces();
}
