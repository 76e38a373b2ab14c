using System.Globalization;
using Auth.Core.Activity;

namespace Studio.Web.Components.Shared;

internal static class EventFormat
{
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The end of a 24-hex id: enough to tell ids apart on screen, the link carries the whole.</summary>
    public static string Short(string id) => id.Length > 8 ? "…" + id[^8..] : id;

    /// <summary>The allow-listed detail fields as "name: value" pairs.</summary>
    public static string Detail(string? json)
    {
        if (EventDetail.Parse(json) is not { } d) return "";
        var parts = new List<string>();
        void Add(string name, object? value) { if (value is not null) parts.Add($"{name}: {value}"); }
        Add("method", d.Method);
        Add("provider", d.Provider);
        Add("code", d.Code);
        Add("channel", d.Channel);
        Add("message", d.MessageType);
        Add("revision", d.Revision);
        Add("count", d.Count);
        Add("operator", d.OperatorId is { } op ? Short(op) : null);
        return string.Join(" · ", parts);
    }
}
