using MudBlazor.Services;
using Studio.Web.Components;

namespace Studio.Web;

public static class StudioExtensions
{
    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<StudioStatus>();
        return services;
    }

    public static WebApplication UseStudio(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStudio(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
