using System.Text.Json.Nodes;
using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Auth.Core.Settings;

/// <summary>
/// Holds the newest published revision. <see cref="RefreshAsync"/> costs one tiny query
/// (the highest revision number) and loads the revision only when it changed.
/// </summary>
public sealed class SettingsCache(
    IDbContextFactory<AuthDbContext> dbFactory,
    SettingsProtector protector,
    ILogger<SettingsCache> logger) : ISettingsReader
{
    private volatile SettingsSnapshot _current = new(0, new AuthSettings(), null);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SettingsSnapshot Current => _current;

    /// <summary>Loads a newer published revision if there is one; returns true when the snapshot changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var newest = await db.SettingsRevisions.MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
            if (newest <= _current.Revision) return false;

            var revision = await db.SettingsRevisions.AsNoTracking()
                .SingleAsync(r => r.Number == newest, cancellationToken);
            var plain = SettingsSecrets.Unprotect((JsonObject)JsonNode.Parse(revision.Json)!, protector.Protector);
            var parsed = SettingsJson.Parse(plain);
            if (!parsed.IsSuccess)
            {
                // Publishing validates, so this means a hand-edited row; keep serving the last good revision.
                logger.LogError("Settings revision {Revision} does not parse; keeping revision {Current}.", newest, _current.Revision);
                return false;
            }

            _current = new SettingsSnapshot(newest, parsed.Value, revision.PublishedAt);
            logger.LogInformation("Now serving settings revision {Revision}.", newest);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
