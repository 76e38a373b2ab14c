using Auth.Core;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Utilities;
using Studio.Web.Editing;

namespace Studio.Web.Components.Pages.Messages;

/// <summary>
/// One message type's template: its fields, a live preview through <see cref="TemplatePreview"/> (the same
/// service as <c>POST /admin/api/templates/preview</c>), the variables to insert, reset, send test, save.
/// </summary>
public sealed partial class TemplateEditor : IDisposable
{
    /// <summary>How long typing must pause before the preview renders again.</summary>
    public static readonly TimeSpan PreviewDelay = TimeSpan.FromMilliseconds(300);

    [Parameter] public string? Type { get; set; }

    [Inject] private TemplatePreview Preview { get; set; } = default!;
    [Inject] private IAuthUrls Urls { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private Debouncer? _debouncer;
    private string? _shownType;
    private TemplatePreviewResult? _preview;
    private string? _previewProblem;
    private bool _previewBusy;
    private string? _restoreCheckedFor;
    private bool _restored;
    private TemplateCodeEditor? _code;
    private IReadOnlyList<TemplateMarker> _markers = [];

    protected override IReadOnlyList<string> Sections => [$"messages.{Type}"];

    private MessageTemplate Template => Editor!.Model.Messages.Get(Type!);

    private bool IsEmail => MessageType.IsEmail(Type!);

    private bool HasTemplateErrors => Editor?.ErrorsIn(Sections).Count > 0;

    private bool IsDefault
    {
        get
        {
            var shipped = MessageDefaults.For(Type!);
            var current = Template;
            return current.Subject == shipped.Subject && current.Body == shipped.Body
                && string.IsNullOrEmpty(current.FromEmail) && string.IsNullOrEmpty(current.FromName);
        }
    }

    private IReadOnlyList<MessageVariable> SampleVariables =>
        MessageVariables.Of(MessageSamples.For(Type!, Editor!.Model, Urls, Time.GetUtcNow().UtcDateTime));

    private string P(string field) => $"messages.{Type}.{field}";

    protected override void OnInitialized() => _debouncer = new Debouncer(Time, PreviewDelay);

    protected override async Task OnParametersSetAsync()
    {
        if (Type is null)
        {
            Navigation.NavigateTo($"/settings/templates/{MessageType.All[0]}", replace: true);
            return;
        }
        if (!MessageType.IsKnown(Type) || Editor is null || _shownType == Type) return;

        // Another type was open: the navigation lock already let its edits go, so start from the draft.
        if (_shownType is not null) Load(await Draft.RefreshAsync());
        _shownType = Type;
        _preview = null;
        await _debouncer!.RunNowAsync(RenderPreviewAsync);
    }

    protected override void OnLoaded()
    {
        // After a save or discard the fields hold the draft again; the preview follows them, and what the
        // tab kept of the edits is no longer needed.
        if (_shownType is null) return;
        _restored = false;
        _ = ForgetUnsavedAsync(_shownType);
        SchedulePreview();
    }

    private void OnTemplateFieldChanged(FormFieldChangedEventArgs args)
    {
        OnFieldChanged(args);
        SchedulePreview();
        KeepUnsaved();
    }

    private void SchedulePreview() => _ = PreviewSoonAsync();

    // Runs outside any event handler, so a failure is handed to the renderer rather than lost.
    private async Task PreviewSoonAsync()
    {
        try
        {
            await _debouncer!.RunAsync(RenderPreviewAsync);
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task RenderPreviewAsync(CancellationToken ct)
    {
        var type = Type!;
        var template = Template;
        var checking = Checked(template);
        _previewBusy = true;
        StateHasChanged();
        try
        {
            var result = await Preview.RenderAsync(
                new TemplatePreviewRequest(type, IsEmail ? template.Subject ?? "" : null, template.Body ?? "", null), ct);
            if (ct.IsCancellationRequested || type != Type) return;
            _checked = checking;
            _preview = result.IsSuccess ? result.Value : null;
            _markers = result.IsSuccess ? BodyMarkers(result.Value) : [];
            _previewProblem = result.IsSuccess ? null : result.Error.Message;
            // Parse errors are the validator's; what only rendering finds would make the server refuse the save.
            var renderErrors = result.IsSuccess ? result.Value.Errors : [];
            Editor?.SetRenderProblem(P("body"), renderErrors.Count > 0 && Editor.Errors.Keys.All(k => !k.StartsWith($"messages.{type}.", StringComparison.Ordinal))
                ? "Does not render: " + string.Join(" ", renderErrors.Select(e => e.Message))
                : null);
        }
        finally
        {
            _previewBusy = false;
            StateHasChanged();
        }
    }

    /// <summary>Puts <c>{{ name }}</c> where the caret is in the body (at the end when there is no editor to ask).</summary>
    private async Task InsertAsync(string name)
    {
        var snippet = $"{{{{ {name} }}}}";
        var text = _code is null ? null : await _code.InsertAsync(snippet);
        Template.Body = text ?? (Template.Body ?? "") + snippet;
        _browserAhead = false;
        OnEdited();
        KeepUnsaved();
        SchedulePreview();
        StateHasChanged();
    }

    private void ResetToDefault()
    {
        var shipped = MessageDefaults.For(Type!);
        var template = Template;
        template.Subject = shipped.Subject;
        template.Body = shipped.Body;
        template.FromEmail = null;
        template.FromName = null;
        OnEdited();
        KeepUnsaved();
        SchedulePreview();
        Snackbar.Add($"Reset {SettingsLabels.MessageTypeName(Type!)} to the default template. Save to keep it, or Discard to undo.", Severity.Info);
    }

    private async Task SendTestAsync()
    {
        var me = await Operator.GetAsync();
        var edited = new MessageTemplate { Subject = Template.Subject, FromEmail = Template.FromEmail, FromName = Template.FromName, Body = Template.Body };
        var parameters = new DialogParameters<SendTestDialog>
        {
            { d => d.Type, Type },
            { d => d.Template, edited },
            { d => d.Recipient, IsEmail ? me.Email : null },
        };
        var dialog = await Dialogs.ShowAsync<SendTestDialog>("Send a test", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: Auth.Core.Data.Entities.OutboxMessage sent }) return;

        var where = sent.Status == OutboxStatus.Captured ? "captured in the dev mailbox (no transport is published)" : "queued for sending";
        Snackbar.Add($"Test {(IsEmail ? "e-mail" : "SMS")} to {sent.To} {where}.", Severity.Success, options =>
        {
            options.Action = "Open";
            options.ActionColor = Color.Inherit;
            options.OnClick = _ =>
            {
                Navigation.NavigateTo($"/messages/{sent.Id}");
                return Task.CompletedTask;
            };
        });
    }

    public void Dispose() => _debouncer?.Dispose();
}
