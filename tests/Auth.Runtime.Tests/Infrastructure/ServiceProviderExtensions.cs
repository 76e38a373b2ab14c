using Auth.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Infrastructure;

public static class ServiceProviderExtensions
{
    /// <summary>The settings the runtime is enforcing right now.</summary>
    public static AuthSettings GetSettings(this IServiceProvider services) =>
        services.GetRequiredService<ISettingsReader>().Current.Settings;
}
