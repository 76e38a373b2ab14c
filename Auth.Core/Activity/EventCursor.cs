using System.Globalization;
using System.Text;

namespace Auth.Core.Activity;

/// <summary>
/// A position in the newest-first log (the OccurredAt and Id of an event) and which way to read from it. Opaque to
/// clients (base64url); it carries no filter, so any filter resumes correctly from any event's position.
/// </summary>
public sealed record EventCursor(bool Newer, DateTime At, string Id)
{
    public string Encode()
    {
        var text = $"{(Newer ? 'n' : 'o')}:{At.Ticks.ToString(CultureInfo.InvariantCulture)}:{Id}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The cursor, or null when <paramref name="text"/> is not one this server wrote.</summary>
    public static EventCursor? Decode(string text)
    {
        try
        {
            var s = text.Replace('-', '+').Replace('_', '/');
            s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException() };
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(s)).Split(':');
            if (parts.Length != 3 || parts[0] is not ("n" or "o") || parts[2].Length is 0 or > 32 || !parts[2].All(char.IsAsciiHexDigitLower))
                return null;
            var ticks = long.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return null;
            return new EventCursor(parts[0] == "n", new DateTime(ticks, DateTimeKind.Utc), parts[2]);
        }
        catch (FormatException) { return null; }
        catch (OverflowException) { return null; }
        catch (ArgumentException) { return null; }
    }
}
