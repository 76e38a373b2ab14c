using System.Text.Json.Nodes;
using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Settings;

/// <summary>
/// Draft → publish → immutable revisions. The one place settings are written; the studio and the
/// management API both call it. Secrets are encrypted before they touch the database.
/// </summary>
public sealed class SettingsStore(
    IDbContextFactory<AuthDbContext> dbFactory,
    SettingsProtector protector,
    SettingsCache cache,
    MessageTemplateChecker templates,
    TimeProvider time,
    ActivityRecorder activity)
{
    public async Task<DraftView> GetDraftAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.SettingsDrafts.AsNoTracking().SingleOrDefaultAsync(ct);
        var plain = DraftPlain(draft);
        return await ToViewAsync(db, draft, plain, ct);
    }

    /// <summary>The draft with secrets in clear text, for server-side use only (e.g. "send test").</summary>
    public async Task<AuthSettings> GetDraftSettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.SettingsDrafts.AsNoTracking().SingleOrDefaultAsync(ct);
        return SettingsJson.Parse(DraftPlain(draft)).Value;
    }

    /// <summary>PUT: replaces the draft. A secret written back as "********" keeps its stored value.</summary>
    public Task<Result<DraftView>> ReplaceDraftAsync(JsonNode? incoming, string by, CancellationToken ct = default) =>
        WriteDraftAsync(_ => incoming, by, EventTypes.SettingsSaved, ct);

    /// <summary>PATCH: an RFC 7396 merge patch over the current draft; a null may not reset a required setting.</summary>
    public Task<Result<DraftView>> PatchDraftAsync(JsonNode? patch, string by, CancellationToken ct = default) =>
        SettingsPatchNulls.Check(patch) is { } refused
            ? Task.FromResult<Result<DraftView>>(refused)
            : WriteDraftAsync(current => JsonMergePatch.Apply(current, patch), by, EventTypes.SettingsSaved, ct);

    /// <summary>Import: like PUT, but secrets missing from the document (exports omit them) keep their stored values.</summary>
    public Task<Result<DraftView>> ImportAsync(JsonNode? document, string by, CancellationToken ct = default) =>
        WriteDraftAsync(_ => document is JsonObject o ? SettingsExport.KeepMissingSecrets(o) : document, by, EventTypes.SettingsImported, ct);

    /// <summary>Export: the draft with every secret omitted (null).</summary>
    public async Task<JsonObject> ExportAsync(CancellationToken ct = default)
    {
        var view = await GetDraftAsync(ct);
        return SettingsExport.OmitSecrets(view.Settings);
    }

    public async Task<Result<RevisionInfo>> PublishAsync(string? note, string by, CancellationToken ct = default)
    {
        if (note is { Length: > 1000 }) return AuthError.Validation("note", "The note is longer than 1000 characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.SettingsDrafts.SingleOrDefaultAsync(ct);
        var json = draft?.Json ?? SettingsSecrets.Protect(SettingsJson.ToJsonObject(new AuthSettings()), protector.Protector).ToJsonString();
        return await AppendRevisionAsync(db, draft, json, note, by, EventTypes.SettingsPublished, ct);
    }

    /// <summary>Publishes an old revision's content again as a new revision, and makes it the draft.</summary>
    public async Task<Result<RevisionInfo>> RollbackAsync(int number, string by, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var old = await db.SettingsRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Number == number, ct);
        if (old is null) return new AuthError(AuthErrors.NotFound, $"Revision {number} does not exist.");
        var draft = await db.SettingsDrafts.SingleOrDefaultAsync(ct);
        return await AppendRevisionAsync(db, draft, old.Json, $"Rollback to revision {number}", by, EventTypes.SettingsRolledBack, ct);
    }

    public async Task<IReadOnlyList<RevisionInfo>> ListRevisionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SettingsRevisions.AsNoTracking()
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionInfo(r.Number, r.PublishedAt, r.PublishedBy, r.Note))
            .ToListAsync(ct);
    }

    public async Task<RevisionView?> GetRevisionAsync(int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.SettingsRevisions.AsNoTracking().SingleOrDefaultAsync(x => x.Number == number, ct);
        if (r is null) return null;
        var plain = SettingsSecrets.Unprotect((JsonObject)JsonNode.Parse(r.Json)!, protector.Protector);
        return new RevisionView(new RevisionInfo(r.Number, r.PublishedAt, r.PublishedBy, r.Note), SettingsSecrets.Mask(plain));
    }

    private async Task<Result<DraftView>> WriteDraftAsync(Func<JsonObject, JsonNode?> change, string by, string eventType, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.SettingsDrafts.SingleOrDefaultAsync(ct);
        var storedPlain = DraftPlain(draft);

        if (change((JsonObject)storedPlain.DeepClone()) is not JsonObject incoming)
            return AuthError.Validation("(root)", "Settings must be a JSON object.");

        var merged = SettingsSecrets.MergeIncoming(incoming, storedPlain);
        var parsed = SettingsJson.Parse(merged);
        if (!parsed.IsSuccess) return parsed.Error;
        var problems = SettingsValidator.Validate(parsed.Value);
        if (problems.Count > 0) return AuthError.Validation(problems);
        // A template that parses can still fail every render (a runaway loop); its warnings travel with the view.
        var previous = SettingsJson.Parse(storedPlain);
        var templateCheck = await templates.CheckAsync(parsed.Value, previous.IsSuccess ? previous.Value : null, ct);
        if (templateCheck.Errors.Count > 0) return AuthError.Validation(templateCheck.Errors);

        var normalised = SettingsJson.ToJsonObject(parsed.Value);
        var stored = SettingsSecrets.Protect(normalised, protector.Protector).ToJsonString();
        var now = time.GetUtcNow().UtcDateTime;
        if (draft is null)
        {
            var baseRevision = await db.SettingsRevisions.MaxAsync(r => (int?)r.Number, ct);
            draft = new SettingsDraft { Json = stored, UpdatedAt = now, UpdatedBy = by, BaseRevision = baseRevision, Version = 1 };
            db.SettingsDrafts.Add(draft);
        }
        else
        {
            draft.Json = stored;
            draft.UpdatedAt = now;
            draft.UpdatedBy = by;
            draft.Version++;
        }
        activity.Add(db, eventType, null, actor: Actor.OperatorOrSystem);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new AuthError(AuthErrors.Conflict, "The draft was changed by someone else at the same time; reload and try again.");
        }

        return await ToViewAsync(db, draft, normalised, ct) with { Warnings = templateCheck.Warnings };
    }

    private async Task<Result<RevisionInfo>> AppendRevisionAsync(
        AuthDbContext db, SettingsDraft? draft, string json, string? note, string by, string eventType, CancellationToken ct)
    {
        var next = (await db.SettingsRevisions.MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var now = time.GetUtcNow().UtcDateTime;
        var revision = new SettingsRevision { Number = next, Json = json, PublishedAt = now, PublishedBy = by, Note = note };
        db.SettingsRevisions.Add(revision);
        if (draft is null)
        {
            db.SettingsDrafts.Add(new SettingsDraft { Json = json, UpdatedAt = now, UpdatedBy = by, BaseRevision = next, Version = 1 });
        }
        else
        {
            draft.Json = json;
            draft.BaseRevision = next;
            draft.Version++;
        }
        activity.Add(db, eventType, null, new EventDetail { Revision = next }, actor: Actor.OperatorOrSystem);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new AuthError(AuthErrors.Conflict, "Another publish happened at the same time; reload and try again.");
        }

        await cache.RefreshAsync(ct);
        return new RevisionInfo(next, now, by, note);
    }

    private JsonObject DraftPlain(SettingsDraft? draft) => draft is null
        ? SettingsJson.ToJsonObject(new AuthSettings())
        : SettingsSecrets.Unprotect((JsonObject)JsonNode.Parse(draft.Json)!, protector.Protector);

    private async Task<DraftView> ToViewAsync(AuthDbContext db, SettingsDraft? draft, JsonObject plain, CancellationToken ct)
    {
        var latest = await db.SettingsRevisions.AsNoTracking().OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var latestPlain = latest is null
            ? SettingsJson.ToJsonObject(new AuthSettings())
            : SettingsSecrets.Unprotect((JsonObject)JsonNode.Parse(latest.Json)!, protector.Protector);
        var changed = !JsonNode.DeepEquals(plain, latestPlain) || latest is null && draft is not null;
        return new DraftView(SettingsSecrets.Mask(plain), draft?.Version ?? 0, draft?.BaseRevision, changed, draft?.UpdatedAt, draft?.UpdatedBy);
    }
}
