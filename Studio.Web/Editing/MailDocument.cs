using System.Text.RegularExpressions;

namespace Studio.Web.Editing;

/// <summary>
/// An e-mail's HTML made ready for a sandboxed <c>srcdoc</c> frame: links open in a new tab (a frame without
/// scripts or same-origin can still open popups, which the studio's CSP would not let it navigate to itself)
/// and carry no referrer. Scripts are stopped by the frame's sandbox, not by rewriting the HTML.
/// </summary>
public static partial class MailDocument
{
    public const string HeadAdditions = """<base target="_blank"><meta name="referrer" content="no-referrer">""";

    public static string ForFrame(string? html)
    {
        html ??= "";
        var head = HeadTag().Match(html);
        if (head.Success) return html.Insert(head.Index + head.Length, HeadAdditions);
        var root = HtmlTag().Match(html);
        if (root.Success) return html.Insert(root.Index + root.Length, "<head>" + HeadAdditions + "</head>");
        return HeadAdditions + html;
    }

    [GeneratedRegex(@"<head\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex HeadTag();

    [GeneratedRegex(@"<html\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex HtmlTag();
}
