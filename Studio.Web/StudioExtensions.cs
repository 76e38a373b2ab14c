using Auth.Runtime;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MudBlazor.Services;
using Studio.Web.Components;
using Studio.Web.Security;
using Studio.Web.State;

namespace Studio.Web;

public static class StudioExtensions
{
    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddStudioAuthentication();
        services.AddSingleton<StudioOrigins>();
        services.AddStudioComponentServices();
        return services;
    }

    /// <summary>What the studio's components need besides the framework and sign-in; the bUnit tests call this too.</summary>
    public static IServiceCollection AddStudioComponentServices(this IServiceCollection services)
    {
        services.AddMudServices(o =>
        {
            // Bottom left: the top right covered the draft banner's "Review and publish" link.
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            o.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
            o.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        // The pages show the runtime's URLs (OAuth callbacks, sample links), built by their one owner.
        services.AddAuthUrls();
        services.AddSingleton<StudioStatus>();
        services.AddSingleton<Overview.OverviewHealth>();
        services.AddScoped<DraftState>();
        services.AddScoped<CurrentOperator>();
        services.AddScoped<Security.CircuitClient>();
        return services;
    }

    private static IServiceCollection AddStudioAuthentication(this IServiceCollection services)
    {
        services.AddScoped<OperatorCookieEvents>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, OperatorActivityCircuitHandler>();
        services.AddAuthentication(StudioAuth.Scheme)
            .AddCookie(StudioAuth.Scheme, o =>
            {
                o.Cookie.Name = StudioAuth.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = StudioAuth.SignInPath;
                o.LogoutPath = StudioAuth.SignOutPath;
                o.AccessDeniedPath = StudioAuth.NotAllowedPath;
                o.ExpireTimeSpan = StudioAuth.CookieLifetime;
                o.SlidingExpiration = true;
                o.EventsType = typeof(OperatorCookieEvents);
            });
        services.AddAuthorization(StudioPolicies.Configure);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, OperatorRevalidation>();
        return services;
    }

    public static WebApplication UseStudio(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<StudioSecurityHeaders>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<BlazorHubGate>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStudio(this WebApplication app)
    {
        app.MapStaticAssets();
        StudioEndpoints.Map(app);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'");
        return app;
    }
}
