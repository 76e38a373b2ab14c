using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Studio.Web.Editing;
using Studio.Web.State;

namespace Studio.Web.Components.Pages.Settings;

public partial class Versions
{
    private const string DraftKey = "draft";
    private const long MaxImportBytes = 1024 * 1024;

    [Inject] private SettingsStore Store { get; set; } = default!;
    [Inject] private SettingsHistory History { get; set; } = default!;
    [Inject] private DraftState Draft { get; set; } = default!;
    [Inject] private CurrentOperator Operator { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private DraftView? _draft;
    private IReadOnlyList<SettingsChange> _pending = [];
    private IReadOnlyList<RevisionInfo> _revisions = [];
    private IReadOnlyList<SettingsChange>? _comparison;
    private string? _compareError;
    private string _from = DraftKey;
    private string _to = DraftKey;
    private bool _showUnchanged;
    private string? _note;
    private bool _busy;
    private IReadOnlyDictionary<string, string> _importErrors = new Dictionary<string, string>();

    private sealed record VersionOption(string Key, string Label);

    private IEnumerable<VersionOption> VersionOptions =>
        new[] { new VersionOption(DraftKey, "Draft") }.Concat(_revisions.Select(r => new VersionOption(Key(r.Number), $"Revision {r.Number}")));

    private string DraftSummary => _draft is null ? "" :
        $"{(_draft.BaseRevision is { } b ? $"Based on revision {b}" : "Not published yet")}" +
        $"{(_draft.UpdatedAt is { } at ? $"; last saved {Format(at)} UTC by {_draft.UpdatedBy}" : "")}.";

    protected override async Task OnInitializedAsync()
    {
        await ReloadAsync();
        await CompareAsync();
    }

    private async Task ReloadAsync()
    {
        _draft = await Draft.RefreshAsync();
        _pending = await History.PendingChangesAsync();
        _revisions = await Store.ListRevisionsAsync();
        // Draft against draft says nothing; once there is a revision, compare the draft with the live one.
        if (_from == DraftKey && _to == DraftKey && _revisions.Count > 0) _from = Key(_revisions[0].Number);
    }

    private async Task PublishAsync()
    {
        // Publishing changes what the runtime does within seconds: say what goes live, and with which note.
        var pendingNote = string.IsNullOrWhiteSpace(_note) ? null : _note.Trim();
        var changes = _pending.Select(c => c.Path).ToList();
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Publish {(changes.Count == 1 ? "1 change" : $"{changes.Count} changes")}?",
            $"Goes live within seconds: {(changes.Count == 0 ? "no changes" : SettingsLabels.Describe(changes))}. " +
            (pendingNote is null ? "No note." : $"Note: “{pendingNote}”."),
            yesText: "Publish", cancelText: "Cancel");
        if (confirmed != true) return;

        _busy = true;
        try
        {
            var me = await Operator.GetAsync();
            var note = string.IsNullOrWhiteSpace(_note) ? null : _note.Trim();
            var count = _pending.Count;
            var result = await Store.PublishAsync(note, me.Email);
            if (!result.IsSuccess)
            {
                Snackbar.Add($"Not published: {result.Error.Message}", Severity.Error);
                return;
            }
            _note = null;
            await ReloadAsync();
            Snackbar.Add($"Published revision {result.Value.Number} ({(count == 1 ? "1 change" : $"{count} changes")}). The runtime applies it within seconds.", Severity.Success);
            await CompareAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RollbackAsync(int number)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Roll back to revision {number}?",
            $"Revision {number}'s settings are published again as a new revision, and the draft is replaced by them. Unpublished draft changes are lost.",
            yesText: "Roll back", cancelText: "Cancel");
        if (confirmed != true) return;

        _busy = true;
        try
        {
            var me = await Operator.GetAsync();
            var result = await Store.RollbackAsync(number, me.Email);
            if (!result.IsSuccess)
            {
                Snackbar.Add($"Not rolled back: {result.Error.Message}", Severity.Error);
                return;
            }
            await ReloadAsync();
            Snackbar.Add($"Rolled back: revision {result.Value.Number} publishes the settings of revision {number}.", Severity.Success);
            await CompareAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CompareWithDraft(int number)
    {
        _from = Key(number);
        _to = DraftKey;
        await CompareAsync();
    }

    private async Task SetFromAsync(string value)
    {
        _from = value;
        await CompareAsync();
    }

    private async Task SetToAsync(string value)
    {
        _to = value;
        await CompareAsync();
    }

    private async Task CompareAsync()
    {
        var result = await History.DiffAsync(Revision(_from), Revision(_to));
        _compareError = result.IsSuccess ? null : result.Error.Message;
        _comparison = result.IsSuccess ? result.Value : null;
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        _importErrors = new Dictionary<string, string>();
        if (file is null) return;
        if (file.Size > MaxImportBytes)
        {
            _importErrors = new Dictionary<string, string> { [file.Name] = "The file is larger than 1 MB." };
            return;
        }

        JsonNode? document;
        try
        {
            await using var stream = file.OpenReadStream(MaxImportBytes);
            document = await JsonNode.ParseAsync(stream);
        }
        catch (JsonException ex)
        {
            _importErrors = new Dictionary<string, string> { [file.Name] = $"Not valid JSON: {ex.Message}" };
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Replace the draft?",
            $"The draft is replaced by the settings in {file.Name}. Secrets the file leaves out keep their stored values. Nothing is published until you publish.",
            yesText: "Import", cancelText: "Cancel");
        if (confirmed != true) return;

        var before = _draft!.Settings;
        var me = await Operator.GetAsync();
        var result = await Store.ImportAsync(document, me.Email);
        if (!result.IsSuccess)
        {
            _importErrors = result.Error.Details?.GetValueOrDefault("fields") as IReadOnlyDictionary<string, string>
                ?? new Dictionary<string, string> { [file.Name] = result.Error.Message };
            return;
        }

        var changes = SettingsDiff.Changes(before, result.Value.Settings).Select(c => c.Path).ToList();
        Draft.Set(result.Value);
        await ReloadAsync();
        await CompareAsync();
        Snackbar.Add(changes.Count == 0
            ? $"Imported {file.Name}: it holds the same settings as the draft."
            : $"Imported {file.Name} into the draft: {SettingsLabels.Describe(changes)}. Publish to apply.", Severity.Success);
    }

    private static string Key(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static int? Revision(string key) => key == DraftKey ? null : int.Parse(key, CultureInfo.InvariantCulture);

    private static string LabelOf(string key) => key == DraftKey ? "Draft" : $"Revision {key}";

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
