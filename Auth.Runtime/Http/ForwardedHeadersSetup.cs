using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;

namespace Auth.Runtime.Http;

/// <summary>
/// <c>Runtime:ForwardedHeaders:KnownProxies</c> (IP addresses) and <c>KnownNetworks</c> (CIDR): only a peer
/// listed there may set the client address (X-Forwarded-For) and scheme (X-Forwarded-Proto). Without
/// either, the headers are ignored from everyone, so a client cannot pick its own per-IP bucket.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string Section = "Runtime:ForwardedHeaders";

    /// <summary>The middleware options, or null when no proxy is configured (the headers are then never read).</summary>
    public static ForwardedHeadersOptions? Read(IConfiguration configuration)
    {
        var proxies = Values(configuration, Section + ":KnownProxies");
        var networks = Values(configuration, Section + ":KnownNetworks");
        if (proxies.Count == 0 && networks.Count == 0) return null;

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Walk X-Forwarded-For from the right while each hop is a known proxy (CDN → load balancer → app),
            // stopping at the first address that is not: that one is the client, whatever it wrote further left.
            ForwardLimit = null,
        };
        // The defaults trust loopback; only what the operator listed is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address."));
        }
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a CIDR network such as 10.0.0.0/8."));
        }
        return options;
    }

    /// <summary>An array section (<c>KnownProxies:0</c>, …) or one comma-separated value (handy in environment variables).</summary>
    internal static List<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        IEnumerable<string?> raw = section.GetChildren().Any() ? section.GetChildren().Select(c => c.Value) : [section.Value];
        return [.. raw.SelectMany(v => (v ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }
}
