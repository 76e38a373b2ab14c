using System.Text;
using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>Text bound for a mail header (subject, sender name): one line, no control characters, bounded.</summary>
public static class HeaderText
{
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            // CR, LF and every other control character become a space: none may start a header of its own.
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
            if (isSpace)
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        var text = builder.ToString();
        return text.Length <= MessageTemplate.HeaderMaxLength ? text : text[..MessageTemplate.HeaderMaxLength];
    }
}
