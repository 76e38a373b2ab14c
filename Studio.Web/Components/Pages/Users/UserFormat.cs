using System.Globalization;
using Auth.Core.Sessions;

namespace Studio.Web.Components.Pages.Users;

internal static class UserFormat
{
    public static string Time(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    public static string Browser(UserAgentInfo ua) => Join(ua.Browser.Name, ua.Browser.Version);

    public static string Os(UserAgentInfo ua) => Join(ua.Os.Name, ua.Os.Version);

    /// <summary>ua-parser-js leaves desktop devices empty; say so rather than show nothing.</summary>
    public static string Device(UserAgentInfo ua)
    {
        var text = Join(ua.Device.Vendor, ua.Device.Model);
        var type = ua.Device.Type;
        if (text == "—") return type.Length > 0 ? type : ua.Ua.Length > 0 ? "desktop" : "—";
        return type.Length > 0 ? $"{text} ({type})" : text;
    }

    private static string Join(params string[] parts)
    {
        var text = string.Join(' ', parts.Where(p => p.Length > 0));
        return text.Length > 0 ? text : "—";
    }
}
