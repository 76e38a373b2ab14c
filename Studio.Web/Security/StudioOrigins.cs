using Auth.Core;
using Microsoft.Net.Http.Headers;

namespace Studio.Web.Security;

/// <summary>
/// The origins whose pages may open the studio's circuit: the request's own (scheme and Host, after
/// forwarded headers from known proxies), <c>Runtime:PublicBaseUrl</c>, and <c>Studio:AllowedOrigins</c>
/// for a reverse proxy that rewrites the Host. A browser always sends Origin on the WebSocket handshake
/// and on the negotiate POST, so a cookie-carrying request from another site is recognisable.
/// </summary>
public sealed class StudioOrigins
{
    public const string ConfigurationKey = "Studio:AllowedOrigins";

    private readonly HashSet<string> _configured;

    public StudioOrigins(IConfiguration configuration, AuthCoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection(ConfigurationKey);
        IEnumerable<string?> raw = section.GetChildren().Any() ? section.GetChildren().Select(c => c.Value) : [section.Value];
        _configured = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in raw.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)))
        {
            _configured.Add(Normalize(value)
                ?? throw new InvalidOperationException($"{ConfigurationKey}: '{value}' is not an origin such as https://studio.example.com."));
        }
        if (Normalize(options.PublicBaseUrl) is { } publicOrigin) _configured.Add(publicOrigin);
    }

    /// <summary>True when the request has no Origin (not a cross-site browser request) or one of ours.</summary>
    public bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(HeaderNames.Origin, out var values)) return true;
        if (values.Count != 1 || Normalize(values[0]) is not { } origin) return false; // "null", garbage, several
        return _configured.Contains(origin)
            || string.Equals(origin, Normalize($"{request.Scheme}://{request.Host.Value}"), StringComparison.OrdinalIgnoreCase);
    }

    private static string? Normalize(string? origin) =>
        Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
