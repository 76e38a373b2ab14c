using System.Globalization;

namespace Studio.Web.Editing;

/// <summary>"3600" → "1 hour", so a number of seconds in a form reads at a glance.</summary>
public static class Durations
{
    public static string Describe(int seconds)
    {
        if (seconds <= 0) return "off";
        var span = TimeSpan.FromSeconds(seconds);
        var parts = new List<string>();
        if (span.Days > 0) parts.Add(Unit(span.Days, "day"));
        if (span.Hours > 0) parts.Add(Unit(span.Hours, "hour"));
        if (span.Minutes > 0) parts.Add(Unit(span.Minutes, "minute"));
        if (span.Seconds > 0) parts.Add(Unit(span.Seconds, "second"));
        return string.Join(" ", parts);
    }

    private static string Unit(int n, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
}
