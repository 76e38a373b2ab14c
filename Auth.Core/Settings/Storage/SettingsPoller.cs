using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Core.Settings;

/// <summary>
/// Notices a revision published by another node. The interval (default 1 s) keeps every node
/// within the 2 s promise; each tick is one indexed MAX query.
/// </summary>
public sealed class SettingsPoller(SettingsCache cache, AuthCoreOptions options, TimeProvider time, ILogger<SettingsPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SettingsPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cache.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Polling for published settings failed; will retry.");
            }
        }
    }
}
