using BlazorMonaco.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Studio.Web.Components.Pages.Messages;

/// <summary>
/// The body of a template in Monaco. The text lives in the browser while the operator types; the circuit hears
/// <see cref="OnTyping"/> at a burst's first key and <see cref="OnText"/> once typing pauses
/// (<see cref="SendPause"/>), and <see cref="CurrentTextAsync"/> asks the browser when a save can't wait.
/// </summary>
public sealed partial class TemplateCodeEditor : IAsyncDisposable
{
    /// <summary>How long typing pauses before the browser sends the text.</summary>
    public static readonly TimeSpan SendPause = TimeSpan.FromMilliseconds(120);

    private const string ModulePath = "./js/template-editor.js";

    [Parameter, EditorRequired] public string Id { get; set; } = "";
    [Parameter, EditorRequired] public string Field { get; set; } = "";
    [Parameter] public string Label { get; set; } = "";
    [Parameter] public string Language { get; set; } = "scriban";
    [Parameter] public int Lines { get; set; } = 4;
    [Parameter] public string Text { get; set; } = "";
    [Parameter] public string? Error { get; set; }
    [Parameter] public EventCallback<string> TextChanged { get; set; }
    [Parameter] public EventCallback OnTypingStarted { get; set; }
    [Parameter] public IReadOnlyList<TemplateMarker> Markers { get; set; } = [];

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private IJSObjectReference? _module;
    private DotNetObjectReference<TemplateCodeEditor>? _self;
    private bool _loaded;
    private bool _loadFailed;
    private bool _attached;
    private bool _disposed;
    // The text the browser holds as far as the circuit knows: a parameter that differs was set by the page.
    private string _known = "";
    private IReadOnlyList<TemplateMarker>? _shownMarkers;

    private StandaloneEditorConstructionOptions Options(StandaloneCodeEditor _) => new()
    {
        Value = Text,
        Language = Language,
        AutomaticLayout = true,
        LineNumbers = "on",
        WordWrap = "on",
        Minimap = new EditorMinimapOptions { Enabled = false },
        ScrollBeyondLastLine = false,
        FixedOverflowWidgets = true,
        // What is typed is what is saved: nothing is added, completed or accepted behind the operator's back.
        AutoClosingBrackets = "never",
        AutoClosingQuotes = "never",
        AutoSurround = "never",
        AutoIndent = "none",
        FormatOnType = false,
        WordBasedSuggestions = false,
        QuickSuggestions = new QuickSuggestionsOptions { Other = "off", Comments = "off", Strings = "off" },
        SuggestOnTriggerCharacters = false,
        AcceptSuggestionOnEnter = "off",
        AriaLabel = Label,
        FontSize = 13,
    };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
                _loaded = await _module.InvokeAsync<bool>("load");
                _loadFailed = !_loaded;
            }
            catch (JSException)
            {
                _loadFailed = true;
            }
            catch (Exception ex) when (ex is JSDisconnectedException or TaskCanceledException or InvalidOperationException)
            {
                return; // prerendering or the circuit is gone
            }
            StateHasChanged();
            return;
        }
        await SyncAsync();
    }

    private async Task OnEditorReadyAsync()
    {
        if (_module is null || _disposed) return;
        _self ??= DotNetObjectReference.Create(this);
        _known = "\0"; // whatever the page holds now goes to the editor
        _attached = await TryTrueAsync(() => _module.InvokeAsync<bool>("attach", Id, _self, (int)SendPause.TotalMilliseconds).AsTask());
        _shownMarkers = null;
        await SyncAsync();
        StateHasChanged();
    }

    // The page changed the text (reset, discard, restore, a variable) or the markers: the editor follows.
    private async Task SyncAsync()
    {
        if (!_attached || _module is null) return;
        if (Text != _known)
        {
            _known = Text;
            await TryAsync(() => _module.InvokeVoidAsync("setText", Id, Text).AsTask());
        }
        if (!ReferenceEquals(Markers, _shownMarkers))
        {
            _shownMarkers = Markers;
            await TryAsync(() => _module.InvokeVoidAsync("setMarkers", Id, Markers).AsTask());
        }
    }

    protected override Task OnParametersSetAsync() => SyncAsync();

    [JSInvokable]
    public Task OnTyping() => _disposed ? Task.CompletedTask : OnTypingStarted.InvokeAsync();

    [JSInvokable]
    public Task OnText(string text)
    {
        if (_disposed) return Task.CompletedTask;
        _known = text;
        return TextChanged.InvokeAsync(text);
    }

    /// <summary>The browser's text now (it may be ahead of <see cref="OnText"/>); null without an editor.</summary>
    public async Task<string?> CurrentTextAsync()
    {
        if (!_attached || _module is null) return null;
        string? text = null;
        await TryAsync(async () => { text = await _module.InvokeAsync<string?>("text", Id); });
        if (text is not null) _known = text;
        return text;
    }

    /// <summary>Puts <paramref name="snippet"/> at the caret (over the selection); the new text, or null without an editor.</summary>
    public async Task<string?> InsertAsync(string snippet)
    {
        if (!_attached || _module is null) return null;
        string? text = null;
        await TryAsync(async () => { text = await _module.InvokeAsync<string?>("insert", Id, snippet); });
        if (text is not null) _known = text;
        return text;
    }

    private static async Task<bool> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
            return false; // the tab keeps the text (sessionStorage); the reconnect UI says what happened
        }
    }

    private static async Task<bool> TryTrueAsync(Func<Task<bool>> call)
    {
        var ok = false;
        return await TryAsync(async () => { ok = await call(); }) && ok;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is not null)
        {
            await TryAsync(() => _module.InvokeVoidAsync("detach", Id).AsTask());
            await TryAsync(() => _module.DisposeAsync().AsTask());
        }
        _self?.Dispose();
    }
}

/// <summary>An error marker for the editor: 1-based line and column, as the renderer reports them.</summary>
public sealed record TemplateMarker(int Line, int Column, string Message);
