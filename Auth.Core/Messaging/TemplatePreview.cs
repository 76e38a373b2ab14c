using Auth.Core.Data;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Messaging;

public sealed record TemplatePreviewRequest(string? Type, string? Subject, string? Body, string? UserId);

/// <summary>A rendered preview: what the recipient would get, the problems, and the SMS split of the text.</summary>
public sealed record TemplatePreviewResult(
    string? Subject,
    string? Html,
    string? Text,
    IReadOnlyList<TemplateProblem> Errors,
    IReadOnlyList<TemplateProblem> Warnings,
    SmsSegmentInfo SmsSegments);

/// <summary>
/// The studio's live preview: renders a template of the draft (or the text being edited) with sample data
/// or a chosen user, through the same sandbox as real messages.
/// </summary>
public sealed class TemplatePreview(
    MessageComposer composer,
    TemplateRenderer renderer,
    SettingsStore store,
    IDbContextFactory<AuthDbContext> dbFactory,
    IAuthUrls urls,
    TimeProvider time)
{
    public async Task<Result<TemplatePreviewResult>> RenderAsync(TemplatePreviewRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Type is not { } type || !MessageType.IsKnown(type))
            return AuthError.Validation("type", "Must be one of: " + string.Join(", ", MessageType.All) + ".");

        MessageUser? user = null;
        if (!string.IsNullOrWhiteSpace(request.UserId))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var found = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, ct);
            if (found is null) return new AuthError(AuthErrors.UserNotFound, $"No user has the id {request.UserId}.");
            user = MessageUser.From(found);
        }

        var settings = await store.GetDraftSettingsAsync(ct);
        var model = MessageSamples.For(type, settings, urls, time.GetUtcNow().UtcDateTime, user);
        var rendered = await composer.RenderAsync(settings, type, model, renderer.Parse, ct, request.Subject, request.Body);
        var warnings = rendered.UnknownNames.Select(n => new TemplateProblem($"Unknown variable '{n}' renders empty.", 0, 0)).ToList();
        return new TemplatePreviewResult(rendered.Subject, rendered.Html, rendered.Text, rendered.Errors, warnings,
            SmsSegments.Count(MessageType.IsSms(type) ? rendered.Text : ""));
    }
}
