using Auth.Core.Data;
using Auth.Core.KeyRing;
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
    KeyRingPlan keyRing,
    KeyRingMigration keyRingMigration,
    DbSigningKeyStore signingKeys,
    SettingsCache settings,
    OperatorService operators,
    AuthCoreOptions options,
    ILogger<AuthStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        RefuseAMissingDatabaseWithAnEarlierKeyRing();
        if (SqliteFile.PathOf(options.Database) is { } guarded) SqliteFileGuard.For(guarded).Disarm();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (SqliteFile.PathOf(options.Database) is { } path)
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                var guard = SqliteFileGuard.For(path);
                if (await SqliteFileGuard.EnsureMarkerAsync(db.Database.GetDbConnection(), path, cancellationToken) is { } marker)
                    guard.Arm(marker);
                else
                    LogUnguarded(logger, path);
            }
        }

        // Before anything loads the key ring: keys left in the table by an earlier version move out (ADR 0008).
        await keyRingMigration.RunAsync(cancellationToken);
        LogKeyRing(logger, keyRing.Description);
        await signingKeys.InitializeAsync(cancellationToken);
        await settings.RefreshAsync(cancellationToken);
        await EnsureOperatorAsync(cancellationToken);
    }

    /// <summary>
    /// A missing SQLite file beside a key ring that already holds keys means an earlier database lived here:
    /// the file was lost or the path is wrong, and silently starting empty would hide that. A first run (no
    /// keys yet) creates the file as always; Database:CreateIfMissing=true accepts starting over.
    /// </summary>
    private void RefuseAMissingDatabaseWithAnEarlierKeyRing()
    {
        if (SqliteFile.PathOf(options.Database) is not { } path || File.Exists(path)) return;
        if (keyRing.Store != KeyRingStore.Folder || !PrivateFolderXmlRepository.HoldsKeys(keyRing.Folder!)) return;
        if (options.Database.CreateIfMissing)
        {
            LogCreatingAnyway(logger, path, keyRing.Folder!);
            return;
        }
        LogRefusedMissing(logger, path, keyRing.Folder!);
        throw new InvalidOperationException(
            $"The database file {path} is missing, but the key ring of an earlier database is in {keyRing.Folder}. " +
            "Restore the file, fix ConnectionStrings:Auth, or set Database:CreateIfMissing=true to start with a new, empty database.");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the identity marker into {Path}'s header (checkpoint blocked); a deleted or replaced database file will not be detected until the next start.")]
    private static partial void LogUnguarded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data-Protection key ring (protects settings secrets and signing keys): {Store}.")]
    private static partial void LogKeyRing(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to start: the database file {Path} is missing but {KeysFolder} holds the key ring of an earlier one. Restore the file or set Database:CreateIfMissing=true.")]
    private static partial void LogRefusedMissing(ILogger logger, string path, string keysFolder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database file {Path} is missing although {KeysFolder} holds an earlier key ring; creating a new one (Database:CreateIfMissing).")]
    private static partial void LogCreatingAnyway(ILogger logger, string path, string keysFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first studio operator {Email} from Studio:Bootstrap.")]
    private static partial void LogBootstrapped(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Studio:Bootstrap operator was not created: {Reason}")]
    private static partial void LogBootstrapFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No studio operator exists yet. One-time setup code: {Code} (use it in the studio's first-run page or POST /admin/api/setup).")]
    private static partial void LogSetupCode(ILogger logger, string code);
}
