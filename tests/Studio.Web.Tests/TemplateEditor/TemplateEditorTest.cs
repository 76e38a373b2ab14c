using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Studio.Web.Components.Pages.Messages;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>
/// The template editor page over the real TemplatePreview and a real SQLite file, on a fake clock; Monaco itself runs
/// only in a browser (the E2E types into it), so here the page gets the editor's messages through bUnit's JS interop.
/// </summary>
public abstract class TemplateEditorTest : StudioTest
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected BunitJSModuleInterop EditorJs { get; private set; } = null!;

    public override ValueTask InitializeAsync()
    {
        Services.AddSingleton<TimeProvider>(Time);
        EditorJs = JSInterop.SetupModule("./js/template-editor.js");
        EditorJs.Setup<bool>("load").SetResult(true);
        EditorJs.Setup<bool>("attach", _ => true).SetResult(true);
        return base.InitializeAsync();
    }

    protected IReadOnlyList<TemplateMarker> LastMarkers() =>
        EditorJs.Invocations["setMarkers"] is { Count: > 0 } calls ? (IReadOnlyList<TemplateMarker>)calls[^1].Arguments[1]! : [new TemplateMarker(0, 0, "none yet")];

    protected static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<StudioHost> host) => host.Find("[data-test=save]");

    protected static string FieldError(IRenderedComponent<StudioHost> host, string path)
    {
        var control = host.Find($"[data-field='{path}']");
        return string.Join(" ", control.QuerySelectorAll(".mud-input-error").Select(e => e.TextContent));
    }

    // Each preview is a real render on the sandbox's worker; a loaded machine can take a while.
    protected static readonly TimeSpan Patience = Eventually.DefaultTimeout;

    protected IRenderedComponent<StudioHost> RenderTemplate(string type) =>
        RenderPage<TemplateEditor>(p => p.Add(x => x.Type, type));

    /// <summary>Lets the preview's pause pass on the fake clock until <paramref name="assertion"/> holds.</summary>
    protected void Settle(IRenderedComponent<StudioHost> host, Action assertion) =>
        host.WaitForAssertion(() =>
        {
            Time.Advance(TemplateEditor.PreviewDelay);
            assertion();
        }, Patience);

    // Saving and sending re-check the templates with a real render; give them the same patience.
    protected static void SnackbarSays(IRenderedComponent<StudioHost> host, string text) =>
        host.WaitForAssertion(() => Assert.Contains(text, string.Join("\n", host.FindAll(".mud-snackbar").Select(s => s.TextContent)), StringComparison.Ordinal), Patience);

    /// <summary>What the browser's editor sends: "typing" at the first key, then the text once typing pauses.</summary>
    protected static void TypeBody(IRenderedComponent<StudioHost> host, string text)
    {
        var editor = host.WaitForComponent<TemplateCodeEditor>();
        host.InvokeAsync(editor.Instance.OnTyping).GetAwaiter().GetResult();
        host.InvokeAsync(() => editor.Instance.OnText(text)).GetAwaiter().GetResult();
    }

    protected static string Body(IRenderedComponent<StudioHost> host) => host.FindComponent<TemplateCodeEditor>().Instance.Text;

    protected static string PreviewSubject(IRenderedComponent<StudioHost> host) => host.Find("[data-test=preview-subject]").TextContent.Trim();

    protected static string Segments(IRenderedComponent<StudioHost> host) => host.Find("[data-test=sms-segments]").TextContent.Trim();

    protected static string FrameDocument(IRenderedComponent<StudioHost> host) =>
        host.Find("[data-test=preview] [data-test=mail-frame]").GetAttribute("srcdoc") ?? "";

    protected static string Sample(IRenderedComponent<StudioHost> host, string name) =>
        host.Find($"[data-variable='{name}'] [data-test=sample]").TextContent.Trim();
}
