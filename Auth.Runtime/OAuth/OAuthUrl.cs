using System.Text;

namespace Auth.Runtime.OAuth;

internal static class OAuthUrl
{
    /// <summary><paramref name="url"/> with the parameters appended to its query (null values are left out).</summary>
    public static string WithQuery(string url, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var builder = new StringBuilder(url);
        var separator = url.Contains('?', StringComparison.Ordinal) ? (url.EndsWith('?') || url.EndsWith('&') ? "" : "&") : "?";
        foreach (var (key, value) in parameters)
        {
            if (value is null) continue;
            builder.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            separator = "&";
        }
        return builder.ToString();
    }

    /// <summary>The override when one is set, otherwise the provider's real endpoint.</summary>
    public static string Endpoint(string? overrideUrl, string real) =>
        string.IsNullOrWhiteSpace(overrideUrl) ? real : overrideUrl.Trim();

    public static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
