using Microsoft.JSInterop;

namespace Studio.Web.Components.Pages.Messages;

/// <summary>
/// The tab keeps unsaved template text in sessionStorage until it is saved or discarded, so a reload or a dropped
/// circuit loses nothing; opening the type again in that tab brings it back.
/// </summary>
public sealed partial class TemplateEditor
{
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Interactive only (no storage while prerendering): once per shown type, bring back what this tab kept.
        if (Editor is null || _shownType is null || _restoreCheckedFor == _shownType) return;
        var type = _shownType;
        _restoreCheckedFor = type;
        string? kept;
        try
        {
            kept = await JS.InvokeAsync<string?>("sessionStorage.getItem", UnsavedKey(type));
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException)
        {
            return;
        }
        if (kept is null || type != _shownType || UnsavedTemplate.Parse(kept) is not { } unsaved) return;
        var template = Template;
        if (unsaved.Matches(template)) return;
        unsaved.ApplyTo(template);
        _restored = true;
        OnEdited();
        SchedulePreview();
        StateHasChanged();
    }

    private static string UnsavedKey(string type) => $"studio.unsaved-template.{type}";

    // The tab keeps the edits until they are saved or discarded, so a reload or a dropped circuit loses nothing.
    private void KeepUnsaved()
    {
        if (_shownType is null) return;
        _ = StoreAsync(UnsavedKey(_shownType), UnsavedTemplate.From(Template).ToJson());
    }

    private async Task StoreAsync(string key, string value)
    {
        try
        {
            await JS.InvokeVoidAsync("sessionStorage.setItem", key, value);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // Best effort: the edits are still in the circuit.
        }
    }

    private async Task ForgetUnsavedAsync(string type)
    {
        try
        {
            await JS.InvokeVoidAsync("sessionStorage.removeItem", UnsavedKey(type));
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // Prerendering or gone: nothing was kept that could come back wrongly after a save.
        }
    }
}
