using System.Text.Json.Nodes;
using Auth.Core.Data;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Settings;

/// <summary>
/// Compares stored settings versions (a revision or the draft) without letting a secret's value out:
/// secrets are compared in plain text here and reported only as changed or unchanged.
/// </summary>
public sealed class SettingsHistory(IDbContextFactory<AuthDbContext> dbFactory, SettingsProtector protector)
{
    /// <summary>Each leaf of <paramref name="from"/> against <paramref name="to"/>; null stands for the draft.</summary>
    public async Task<Result<IReadOnlyList<SettingsChange>>> DiffAsync(int? from, int? to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var before = await LoadPlainAsync(db, from, ct);
        if (!before.IsSuccess) return before.Error;
        var after = await LoadPlainAsync(db, to, ct);
        if (!after.IsSuccess) return after.Error;
        var changedSecrets = SettingsSecrets.ChangedSecrets(before.Value, after.Value);
        return Result<IReadOnlyList<SettingsChange>>.Success(
            SettingsDiff.Compare(SettingsSecrets.Mask(before.Value), SettingsSecrets.Mask(after.Value), changedSecrets));
    }

    /// <summary>What publishing now would change, against the newest revision (or the defaults before the first).</summary>
    public async Task<IReadOnlyList<SettingsChange>> PendingChangesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.SettingsRevisions.MaxAsync(r => (int?)r.Number, ct);
        var before = latest is null ? Defaults() : (await LoadPlainAsync(db, latest, ct)).Value;
        var after = (await LoadPlainAsync(db, null, ct)).Value;
        return SettingsDiff.Compare(SettingsSecrets.Mask(before), SettingsSecrets.Mask(after), SettingsSecrets.ChangedSecrets(before, after))
            .Where(c => c.Changed).ToList();
    }

    private async Task<Result<JsonObject>> LoadPlainAsync(AuthDbContext db, int? revision, CancellationToken ct)
    {
        string? json;
        if (revision is { } number)
        {
            json = await db.SettingsRevisions.AsNoTracking().Where(r => r.Number == number).Select(r => r.Json).SingleOrDefaultAsync(ct);
            if (json is null) return new AuthError(AuthErrors.NotFound, $"Revision {number} does not exist.");
        }
        else
        {
            json = await db.SettingsDrafts.AsNoTracking().Select(d => d.Json).SingleOrDefaultAsync(ct);
            if (json is null) return Defaults();
        }
        return SettingsSecrets.Unprotect((JsonObject)JsonNode.Parse(json)!, protector.Protector);
    }

    private static JsonObject Defaults() => SettingsJson.ToJsonObject(new AuthSettings());
}
