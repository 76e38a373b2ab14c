using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Auth.Core.Activity;

public static class ActivityServiceCollectionExtensions
{
    /// <summary>The recorder the flows write with and the reader the API and studio page with.</summary>
    public static IServiceCollection AddActivityLog(this IServiceCollection services)
    {
        services.AddSingleton<ActivityRecorder>();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<Dashboard.EventRollups>();
        services.AddSingleton<Dashboard.ActivityDashboard>();
        services.TryAddSingleton<IActivityClient, NoActivityClient>();
        return services;
    }
}
