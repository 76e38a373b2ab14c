using Auth.Core.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Utilities;
using Studio.Web.State;

namespace Studio.Web.Editing;

/// <summary>
/// A page that edits some top-level sections of the draft: load, validate as you type, save those
/// sections as a merge patch, say what was saved, and keep the banner in step.
/// </summary>
public abstract class SettingsPageBase : ComponentBase
{
    [Inject] protected SettingsStore Store { get; set; } = default!;
    [Inject] protected DraftState Draft { get; set; } = default!;
    [Inject] protected CurrentOperator Operator { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The top-level JSON sections this page owns, e.g. "email", "smtp".</summary>
    protected abstract IReadOnlyList<string> Sections { get; }

    protected SettingsEditor? Editor { get; private set; }

    protected bool Saving { get; private set; }

    protected bool IsDirty => Editor?.IsDirty(Sections) == true;

    protected int ChangeCount => Editor?.PendingChanges(Sections).Count ?? 0;

    protected int ErrorCount => Editor?.ErrorsIn(Sections).Count ?? 0;

    protected override async Task OnInitializedAsync() => Load(await Draft.RefreshAsync());

    protected void Load(DraftView draft)
    {
        Editor = SettingsEditor.From(draft);
        Editor.Revalidate();
        OnLoaded();
    }

    /// <summary>For pages that keep state of their own next to the editor.</summary>
    protected virtual void OnLoaded()
    {
    }

    /// <summary>Any field of the page's form changed.</summary>
    protected void OnFieldChanged(FormFieldChangedEventArgs _) => Editor?.Edited();

    /// <summary>Something outside the form's fields changed the editor (a button, a list edit).</summary>
    protected void OnEdited() => Editor?.Edited();

    protected async Task SaveAsync()
    {
        if (Editor is null || Saving) return;
        Editor.Revalidate();
        if (ErrorCount > 0)
        {
            Snackbar.Add("Fix the highlighted fields first; nothing was saved.", Severity.Error);
            return;
        }

        var changes = Editor.PendingChanges(Sections);
        if (changes.Count == 0)
        {
            Snackbar.Add("There is nothing new to save.", Severity.Info);
            return;
        }

        Saving = true;
        try
        {
            var me = await Operator.GetAsync();
            var result = await Store.PatchDraftAsync(Editor.BuildPatch(Sections), me.Email);
            if (!result.IsSuccess)
            {
                Editor.SetServerErrors(result.Error);
                Snackbar.Add($"The server refused the change: {result.Error.Message} Nothing was saved.", Severity.Error);
                return;
            }

            Draft.Set(result.Value);
            Load(result.Value);
            Snackbar.Add($"Saved to the draft: {SettingsLabels.Describe(changes)}. Publish to apply.", Severity.Success);
        }
        finally
        {
            Saving = false;
        }
    }

    protected async Task DiscardAsync()
    {
        Load(await Draft.RefreshAsync());
        Snackbar.Add("Discarded the unsaved changes.", Severity.Info);
    }
}
