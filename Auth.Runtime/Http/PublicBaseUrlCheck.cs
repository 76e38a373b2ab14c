using System.Net;
using Auth.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Runtime.Http;

/// <summary>
/// Once the server has bound, says which base URL links and tokens use, and warns when it matches none of
/// the listening URLs: then links and OAuth callbacks only work through a proxy that forwards that origin
/// here. The base URL itself is fixed at registration (<see cref="PublicBaseUrlResolver"/>).
/// </summary>
internal sealed partial class PublicBaseUrlCheck(
    AuthCoreOptions options, IServer server, IHostApplicationLifetime lifetime, ILogger<PublicBaseUrlCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Check);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal void Check()
    {
        var derived = options.PublicBaseUrlSource != PublicBaseUrlResolver.ConfiguredSource;
        if (derived) LogDerived(options.PublicBaseUrl, options.PublicBaseUrlSource);
        // The in-memory test server has no addresses: nothing to compare.
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        if (listening.Count == 0 || listening.Any(address => Matches(options.PublicBaseUrl, address))) return;
        if (derived) LogDerivedMismatch(options.PublicBaseUrl, string.Join(", ", listening));
        else LogConfiguredMismatch(options.PublicBaseUrl, string.Join(", ", listening));
    }

    /// <summary>Same scheme and port, and the same host (a wildcard or loopback bind accepts localhost).</summary>
    internal static bool Matches(string publicBaseUrl, string listeningAddress)
    {
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var wanted)) return false;
        var wildcard = IsWildcard(listeningAddress);
        if (PublicBaseUrlResolver.ToOrigin(listeningAddress) is not { } origin || !Uri.TryCreate(origin, UriKind.Absolute, out var bound)) return false;
        if (wanted.Scheme != bound.Scheme || wanted.Port != bound.Port) return false;
        return wildcard
            || string.Equals(wanted.IdnHost, bound.IdnHost, StringComparison.OrdinalIgnoreCase)
            || (IsLoopback(wanted) && IsLoopback(bound));
    }

    private static bool IsWildcard(string address)
    {
        var host = address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return host.StartsWith('*') || host.StartsWith('+') || host.StartsWith("0.0.0.0", StringComparison.Ordinal) || host.StartsWith("[::]", StringComparison.Ordinal);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Runtime:PublicBaseUrl is not set: links, OAuth callbacks and the JWT issuer use {PublicBaseUrl}, taken from {Source}. Set Runtime:PublicBaseUrl to the address clients reach.")]
    private partial void LogDerived(string publicBaseUrl, string source);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The public base URL {PublicBaseUrl} (derived from the configured URLs) matches none of the listening URLs ({Listening}); links and OAuth callbacks will not reach this server. Set Runtime:PublicBaseUrl.")]
    private partial void LogDerivedMismatch(string publicBaseUrl, string listening);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Runtime:PublicBaseUrl {PublicBaseUrl} matches none of the listening URLs ({Listening}). Links, OAuth callbacks and the JWT issuer use it: fine behind a proxy that forwards it here, otherwise they point at a dead address.")]
    private partial void LogConfiguredMismatch(string publicBaseUrl, string listening);
}
