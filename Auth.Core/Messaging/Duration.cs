using System.Globalization;

namespace Auth.Core.Messaging;

/// <summary>Durations as people write them in a message: "1 hour", "10 minutes", "1 day 12 hours".</summary>
public static class Duration
{
    private static readonly (string Unit, int Seconds)[] Units = [("day", 86_400), ("hour", 3600), ("minute", 60), ("second", 1)];

    /// <summary>The two largest non-zero units; below one second reads "0 seconds".</summary>
    public static string Humanize(TimeSpan span)
    {
        var remaining = (long)Math.Max(0, Math.Round(span.TotalSeconds));
        var parts = new List<string>(2);
        foreach (var (unit, seconds) in Units)
        {
            var count = remaining / seconds;
            if (count == 0) continue;
            remaining -= count * seconds;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}"));
            if (parts.Count == 2) break;
        }
        return parts.Count == 0 ? "0 seconds" : string.Join(' ', parts);
    }
}
