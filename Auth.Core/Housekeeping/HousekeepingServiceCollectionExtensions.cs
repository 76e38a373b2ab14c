using Microsoft.Extensions.DependencyInjection;

namespace Auth.Core.Housekeeping;

public static class HousekeepingServiceCollectionExtensions
{
    /// <summary>The hourly scheduler and one job per concern, in the order they run.</summary>
    public static IServiceCollection AddHousekeeping(this IServiceCollection services)
    {
        services.AddSingleton<BatchedDelete>();
        services.AddSingleton<IHousekeepingJob, ExpiredTokenPurge>();
        services.AddSingleton<IHousekeepingJob, MfaChallengePurge>();
        services.AddSingleton<IHousekeepingJob, PasskeyChallengePurge>();
        services.AddSingleton<IHousekeepingJob, ThrottleSweep>();
        services.AddSingleton<IHousekeepingJob, UnverifiedAccountPurge>();
        services.AddSingleton<IHousekeepingJob, StuckLockoutSeal>();
        services.AddSingleton<IHousekeepingJob, SessionPurge>();
        services.AddSingleton<IHousekeepingJob, SentMessagePurge>();
        services.AddSingleton<IHousekeepingJob, EventPurge>();
        services.AddSingleton<IHousekeepingJob, EventRollupJob>();
        services.AddSingleton<HousekeepingScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<HousekeepingScheduler>());
        return services;
    }
}
