using System.Text.Json.Serialization;
using Auth.Runtime.BrowserClient;
using Auth.Runtime.Http;
using Auth.Runtime.Messaging;
using Auth.Runtime.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Auth.Runtime;

public static class AuthRuntimeExtensions
{
    /// <summary>Registers what the runtime's HTTP surface needs (Auth.Core is registered by AddAuthCore).</summary>
    public static IServiceCollection AddAuthRuntime(this IServiceCollection services)
    {
        // Binding failures throw, so RuntimeErrorMiddleware can answer them with the error envelope.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // {"email":"a","email":"b"} means different things to different parsers (a proxy, a WAF, us): refuse it.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new StrictJsonNodeConverter());
        });
        services.AddOpenApi("v1");
        services.AddSingleton<IpRateLimiter>();
        services.AddHostedService<PublicBaseUrlCheck>();
        services.AddHttpContextAccessor();
        services.AddSingleton<Auth.Core.Messaging.IClientAddress, HttpClientAddress>(); // after AddAuthCore's fallback, so it wins
        services.AddSingleton<Auth.Core.Activity.IActivityClient, HttpActivityClient>();
        services.AddAuthUrls();
        services.AddAuthOAuth();
        services.AddAuthMessagingRuntime();
        return services;
    }

    /// <summary>The runtime's URLs (<see cref="RuntimeUrls"/>) for Core's links and redirects and the studio's pages.</summary>
    public static IServiceCollection AddAuthUrls(this IServiceCollection services)
    {
        services.TryAddSingleton<Auth.Core.IAuthUrls, RuntimeUrls>();
        return services;
    }

    /// <summary>
    /// Forwarded headers from known proxies, routing, then CORS, the error envelope and per-IP limits for the
    /// routes <see cref="RuntimeRoutes"/> marks with them. Call first (before anything reads the client address):
    /// it calls <c>UseRouting</c> itself, since CORS and the limits read the matched route's policies.
    /// </summary>
    public static IApplicationBuilder UseAuthRuntime(this IApplicationBuilder app)
    {
        if (ForwardedHeadersSetup.Read(app.ApplicationServices.GetRequiredService<IConfiguration>()) is { } forwarded)
            app.UseForwardedHeaders(forwarded);
        app.UseRouting();
        return app.UseAuthBrowserCors().UseMiddleware<RuntimeErrorMiddleware>().UseMiddleware<IpRateLimitMiddleware>();
    }

}
