using Auth.Core.Messaging;
using Auth.Core.Settings;

namespace Studio.Web.Components.Pages.Messages;

/// <summary>
/// Save waits for the check of the current text: a template that parses but never finishes rendering (an endless
/// loop) passes the validator, so until the preview of exactly this text has come back Save stays disabled, and
/// the save itself takes the browser's latest text and renders it once more before anything is written.
/// </summary>
public sealed partial class TemplateEditor
{
    // The browser has text the circuit has not received yet (typing started, the pause not over).
    private bool _browserAhead;
    // The subject and body the last finished preview rendered.
    private (string? Subject, string Body)? _checked;

    private bool AwaitingCheck => _browserAhead || Editor is null || Type is null || _checked != Checked(Template);

    private static (string? Subject, string Body) Checked(MessageTemplate template) => (template.Subject, template.Body ?? "");

    private void OnBodyTyping() => _browserAhead = true;

    private Task OnBodyTextAsync(string text)
    {
        _browserAhead = false;
        if (Template.Body == text) return Task.CompletedTask;
        Template.Body = text;
        OnEdited();
        KeepUnsaved();
        SchedulePreview();
        return Task.CompletedTask;
    }

    private async Task SaveTemplateAsync()
    {
        if (Editor is null || Type is null || Saving) return;
        if (_code is not null && await _code.CurrentTextAsync() is { } latest)
        {
            _browserAhead = false;
            if (Template.Body != latest)
            {
                Template.Body = latest;
                OnEdited();
                KeepUnsaved();
            }
        }
        // The same render the preview does, now: a problem lands on the field (and the save bar), not in a toast.
        await _debouncer!.RunNowAsync(RenderPreviewAsync);
        if (ErrorCount > 0 || AwaitingCheck) return;
        await SaveAsync();
    }

    // The renderer's problems in the body ("body: …" with a line) become markers in the editor.
    private static IReadOnlyList<TemplateMarker> BodyMarkers(TemplatePreviewResult result) =>
        result.Errors
            .Where(e => e.Line > 0 && e.Message.StartsWith("body: ", StringComparison.Ordinal))
            .Select(e => new TemplateMarker(e.Line, e.Column, e.Message["body: ".Length..]))
            .Distinct()
            .ToList();
}
