using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>The settings draft, publishing, revisions, rollback, import and export.</summary>
internal static class AdminSettingsEndpoints
{
    public sealed record PublishRequest(string? Note);
    public sealed record DraftResponse(JsonObject Settings, int Version, int? BaseRevision, bool HasUnpublishedChanges, DateTime? UpdatedAt, string? UpdatedBy, IReadOnlyDictionary<string, string>? Warnings);
    public sealed record RevisionResponse(int Revision, DateTime PublishedAt, string PublishedBy, string? Note, JsonObject? Settings);

    public static async Task<Ok<DraftResponse>> GetDraft(SettingsStore store, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await store.GetDraftAsync(ct)));

    public static async Task<Results<Ok<DraftResponse>, ErrorHttpResult>> PutDraft(JsonNode? body, SettingsStore store, HttpContext context) =>
        (await store.ReplaceDraftAsync(body, context.Operator().Email, context.RequestAborted)).ToHttp(ToResponse);

    public static async Task<Results<Ok<DraftResponse>, ErrorHttpResult>> PatchDraft(JsonNode? body, SettingsStore store, HttpContext context) =>
        (await store.PatchDraftAsync(body, context.Operator().Email, context.RequestAborted)).ToHttp(ToResponse);

    public static async Task<Results<Ok<RevisionResponse>, ErrorHttpResult>> Publish(PublishRequest? request, SettingsStore store, HttpContext context) =>
        (await store.PublishAsync(request?.Note, context.Operator().Email, context.RequestAborted))
            .ToHttp(r => new RevisionResponse(r.Number, r.PublishedAt, r.PublishedBy, r.Note, null));

    public static async Task<Ok<List<RevisionResponse>>> ListRevisions(SettingsStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListRevisionsAsync(ct)).Select(r => new RevisionResponse(r.Number, r.PublishedAt, r.PublishedBy, r.Note, null)).ToList());

    public static async Task<Results<Ok<RevisionResponse>, ErrorHttpResult>> GetRevision(int number, SettingsStore store, CancellationToken ct)
    {
        var view = await store.GetRevisionAsync(number, ct);
        if (view is null) return new ErrorHttpResult(new AuthError(AuthErrors.NotFound, $"Revision {number} does not exist."));
        var i = view.Info;
        return TypedResults.Ok(new RevisionResponse(i.Number, i.PublishedAt, i.PublishedBy, i.Note, view.Settings));
    }

    public static async Task<Results<Ok<RevisionResponse>, ErrorHttpResult>> Rollback(int number, SettingsStore store, HttpContext context) =>
        (await store.RollbackAsync(number, context.Operator().Email, context.RequestAborted))
            .ToHttp(r => new RevisionResponse(r.Number, r.PublishedAt, r.PublishedBy, r.Note, null));

    public static async Task<Ok<JsonObject>> Export(SettingsStore store, HttpContext context)
    {
        context.Response.Headers.ContentDisposition = "attachment; filename=auth-settings.json";
        return TypedResults.Ok(await store.ExportAsync(context.RequestAborted));
    }

    public static async Task<Results<Ok<DraftResponse>, ErrorHttpResult>> Import(JsonNode? body, SettingsStore store, HttpContext context) =>
        (await store.ImportAsync(body, context.Operator().Email, context.RequestAborted)).ToHttp(ToResponse);

    private static DraftResponse ToResponse(DraftView v) =>
        new(v.Settings, v.Version, v.BaseRevision, v.HasUnpublishedChanges, v.UpdatedAt, v.UpdatedBy, v.Warnings);
}
