using Auth.Core.Data;
using Auth.Core.Operators;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Core;

/// <summary>
/// Runs before any hosted service (and so before the web server) starts: migrates the database,
/// loads the signing keys and the published settings, and makes sure there is a way in for the
/// first operator.
/// </summary>
public sealed partial class AuthStartup(
    IDbContextFactory<AuthDbContext> dbFactory,
    DbSigningKeyStore signingKeys,
    SettingsCache settings,
    OperatorService operators,
    AuthCoreOptions options,
    ILogger<AuthStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await signingKeys.InitializeAsync(cancellationToken);
        await settings.RefreshAsync(cancellationToken);
        await EnsureOperatorAsync(cancellationToken);
    }

    private async Task EnsureOperatorAsync(CancellationToken ct)
    {
        if (await operators.AnyAsync(ct)) return;
        if (!string.IsNullOrWhiteSpace(options.BootstrapOperatorEmail))
        {
            var created = await operators.CreateAsync(options.BootstrapOperatorEmail, options.BootstrapOperatorPassword, ct);
            if (created.IsSuccess)
            {
                LogBootstrapped(logger, created.Value.Email);
                return;
            }
            LogBootstrapFailed(logger, created.Error.Message);
        }

        var code = await operators.IssueSetupCodeAsync(ct);
        if (code is not null) LogSetupCode(logger, code);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first studio operator {Email} from Studio:Bootstrap.")]
    private static partial void LogBootstrapped(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Studio:Bootstrap operator was not created: {Reason}")]
    private static partial void LogBootstrapFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No studio operator exists yet. One-time setup code: {Code} (use it in the studio's first-run page or POST /admin/api/setup).")]
    private static partial void LogSetupCode(ILogger logger, string code);
}
