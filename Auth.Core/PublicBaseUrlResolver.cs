using Microsoft.Extensions.Configuration;

namespace Auth.Core;

/// <summary>
/// Picks the origin that links, OAuth callbacks and the JWT issuer use. Options are read while services are
/// registered, before the server binds, so without <c>Runtime:PublicBaseUrl</c> this reads the same keys
/// Kestrel will bind from: <c>Kestrel:Endpoints:*:Url</c>, then <c>urls</c> (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>, appsettings <c>Urls</c>), then <c>http_ports</c>/<c>https_ports</c>.
/// </summary>
public static class PublicBaseUrlResolver
{
    public const string ConfiguredSource = "Runtime:PublicBaseUrl";
    public const string DefaultSource = "Kestrel's default";

    /// <summary>The base URL (no trailing slash) and the configuration key it came from.</summary>
    public static (string Url, string Source) Resolve(IConfiguration configuration)
    {
        if (configuration[ConfiguredSource] is { Length: > 0 } baseUrl)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new InvalidOperationException($"Runtime:PublicBaseUrl '{baseUrl}' must be an absolute http(s) URL.");
            return (baseUrl.TrimEnd('/'), ConfiguredSource);
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
            if (FirstUsable(endpoint["Url"]) is { } url) return (url, $"Kestrel:Endpoints:{endpoint.Key}:Url");
        foreach (var key in new[] { "urls", "ASPNETCORE_URLS" })
            if (FirstUsable(configuration[key]) is { } url) return (url, key);
        foreach (var (key, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
            if (FirstUsable(configuration[key]?.Split(';', ',').Select(p => $"{scheme}://localhost:{p.Trim()}")) is { } url)
                return (url, key);
        return (new AuthCoreOptions().PublicBaseUrl, DefaultSource);
    }

    /// <summary>The origin a client reaches for a listening URL: wildcard hosts become <c>localhost</c>.</summary>
    public static string? ToOrigin(string listeningUrl)
    {
        var text = listeningUrl.Trim();
        // Uri does not parse the wildcard hosts Kestrel accepts.
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return null;
        var hostStart = schemeEnd + 3;
        foreach (var wildcard in new[] { "*", "+", "0.0.0.0", "[::]" })
            if (string.Compare(text, hostStart, wildcard, 0, wildcard.Length, StringComparison.Ordinal) == 0
                && (text.Length == hostStart + wildcard.Length || text[hostStart + wildcard.Length] is ':' or '/'))
                text = text[..hostStart] + "localhost" + text[(hostStart + wildcard.Length)..];
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;
        // Port 0 asks the OS for any free port: nothing to build links from before the server binds.
        if (uri.Port == 0) return null;
        return uri.GetLeftPart(UriPartial.Authority);
    }

    private static string? FirstUsable(string? urls) => FirstUsable(urls?.Split(';', StringSplitOptions.RemoveEmptyEntries));

    private static string? FirstUsable(IEnumerable<string>? urls) =>
        urls?.Select(ToOrigin).FirstOrDefault(origin => origin is not null);
}
