using System.Xml.Linq;
using Auth.Core.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Core.KeyRing;

/// <summary>
/// Once, at start-up, before anything loads the key ring: keys an earlier version left in the
/// DataProtectionKeys table move to the configured store (then leave the table), or are sealed in place
/// when the ring stays in the database under DataProtection:Key. Nothing already encrypted is lost, and
/// re-running after a crash half-way is harmless (same file names, conditional updates).
/// </summary>
public sealed partial class KeyRingMigration(
    IDbContextFactory<AuthDbContext> dbFactory,
    KeyRingPlan plan,
    IOptions<KeyManagementOptions> keyManagement,
    ILogger<KeyRingMigration> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.DataProtectionKeys.AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0) return;

        if (plan.Store == KeyRingStore.Folder)
        {
            var target = keyManagement.Value.XmlRepository ?? throw new InvalidOperationException("No key-ring repository is configured.");
            var moved = new List<int>();
            foreach (var row in rows)
            {
                if (row.Xml is null) continue;
                var element = XElement.Parse(row.Xml);
                if (KeyRingWrapping.IsWrapped(element))
                {
                    if (plan.WrapKey is null)
                    {
                        LogCannotOpen(logger, row.Id);
                        continue;
                    }
                    element = KeyRingWrapping.Unwrap(element, plan.WrapKey); // the target seals it again if it should
                }
                target.StoreElement(element, row.FriendlyName ?? $"key-{row.Id}");
                moved.Add(row.Id);
            }
            // Written first, deleted after: a crash in between only leaves a copy that the next start moves again.
            await db.DataProtectionKeys.Where(k => moved.Contains(k.Id)).ExecuteDeleteAsync(ct);
            LogMoved(logger, moved.Count, plan.Description);
            return;
        }

        if (plan.WrapKey is { } key)
        {
            var sealedCount = 0;
            foreach (var row in rows.Where(r => r.Xml is not null && !KeyRingWrapping.IsWrapped(XElement.Parse(r.Xml))))
            {
                var wrapped = KeyRingWrapping.Wrap(XElement.Parse(row.Xml!), key).ToString(SaveOptions.DisableFormatting);
                sealedCount += await db.DataProtectionKeys.Where(k => k.Id == row.Id && k.Xml == row.Xml)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.Xml, wrapped), ct);
            }
            if (sealedCount > 0) LogSealed(logger, sealedCount);
            return;
        }

        if (rows.Any(r => r.Xml is not null && r.Xml.Contains("requiresEncryption=\"true\"", StringComparison.Ordinal)))
            LogPlainKeysRemain(logger);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moved {Count} Data-Protection key(s) out of the database table into the {Store}.")]
    private static partial void LogMoved(ILogger logger, int count, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealed {Count} Data-Protection key(s) in the database table with DataProtection:Key.")]
    private static partial void LogSealed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Data-Protection key row {Id} is sealed with DataProtection:Key, which is not configured; it stays in the table and what it protects cannot be read.")]
    private static partial void LogCannotOpen(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database table still holds Data-Protection keys written before the certificate was configured, unencrypted. Set DataProtection:KeysPath or DataProtection:Key to move or seal them.")]
    private static partial void LogPlainKeysRemain(ILogger logger);
}
