using Microsoft.Playwright;

namespace Studio.E2E.Infrastructure;

/// <summary>
/// A template's Monaco editor on the page: typed into with the real keyboard; its text, caret and markers read
/// from Monaco's own model (the DOM only shows the visible lines).
/// </summary>
public sealed class CodeEditor(IPage page, string path)
{
    private string Id => $"template-body-{path.Split('.')[1]}";

    public ILocator Box => page.Locator($"[data-field='{path}']");

    /// <summary>Until Monaco is created and sends its text to the circuit.</summary>
    public Task WaitReadyAsync() => page.Locator($"[data-field='{path}'][data-ready=true]").WaitForAsync();

    public async Task FocusAsync()
    {
        await WaitReadyAsync();
        await Box.Locator(".view-lines").ClickAsync();
    }

    public Task<string> TextAsync() =>
        page.EvaluateAsync<string>("id => window.blazorMonaco.editor.getEditor(id).getValue()", Id);

    /// <summary>Replaces the whole text as a paste would (one input event), not key by key.</summary>
    public async Task ReplaceAsync(string text)
    {
        await FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(text);
    }

    public Task SetCaretAsync(int offset) =>
        page.EvaluateAsync("([id, offset]) => { const e = window.blazorMonaco.editor.getEditor(id); e.focus(); e.setPosition(e.getModel().getPositionAt(offset)); }",
            new object[] { Id, offset });

    public Task<int> CaretAsync() =>
        page.EvaluateAsync<int>("id => { const e = window.blazorMonaco.editor.getEditor(id); return e.getModel().getOffsetAt(e.getPosition()); }", Id);

    /// <summary>Monaco's markers as "line:column message".</summary>
    public Task<string[]> MarkersAsync() =>
        page.EvaluateAsync<string[]>("id => { const m = window.blazorMonaco.editor.getEditor(id).getModel(); return monaco.editor.getModelMarkers({ resource: m.uri }).map(x => `${x.startLineNumber}:${x.startColumn} ${x.message}`); }", Id);

    /// <summary>Until the editor shows exactly <paramref name="text"/> (e.g. restored after a reload).</summary>
    public Task WaitForTextAsync(string text) =>
        page.WaitForFunctionAsync("([id, text]) => window.blazorMonaco?.editor.getEditor(id, true)?.getValue() === text", new object[] { Id, text });
}
