using System.Text.Json.Serialization;
using Auth.Runtime.Admin;
using Auth.Runtime.BrowserClient;
using Auth.Runtime.Endpoints;
using Auth.Runtime.Http;
using Auth.Runtime.Messaging;
using Auth.Runtime.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddAuthOAuth();
        services.AddAuthMessagingRuntime();
        return services;
    }

    /// <summary>
    /// Forwarded headers from known proxies, then the error envelope and per-IP limits for everything under
    /// /auth, /oauth and /admin/api. Call first (before anything reads the client address) and before routing.
    /// </summary>
    public static IApplicationBuilder UseAuthRuntime(this IApplicationBuilder app)
    {
        if (ForwardedHeadersSetup.Read(app.ApplicationServices.GetRequiredService<IConfiguration>()) is { } forwarded)
            app.UseForwardedHeaders(forwarded);
        return app.UseAuthBrowserCors().UseMiddleware<RuntimeErrorMiddleware>().UseMiddleware<IpRateLimitMiddleware>();
    }

    /// <summary>Maps the runtime under <c>/auth</c> (plus JWKS, health and the OpenAPI document) and returns the /auth group.</summary>
    public static RouteGroupBuilder MapAuthRuntime(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/auth").WithTags("runtime");
        EmailAuthEndpoints.Map(auth);
        PhoneAuthEndpoints.Map(auth);
        GrantEndpoints.Map(auth);
        SessionEndpoints.Map(auth);
        auth.MapMessagingEndpoints();
        WellKnownEndpoints.Map(endpoints);
        endpoints.MapOAuth();
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return auth;
    }

    /// <summary>Maps the operator-only management API under <c>/admin/api</c> and returns its group.</summary>
    public static RouteGroupBuilder MapAuthAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin/api").WithTags("admin");
        AdminAccessEndpoints.Map(admin);
        var secured = admin.MapGroup("").AddEndpointFilter<OperatorAuthenticationFilter>();
        AdminSettingsEndpoints.Map(secured);
        AdminUsersEndpoints.Map(secured);
        secured.MapMessagingAdmin();
        return admin;
    }
}
