using System.Globalization;
using Auth.Core.Users.Transfer;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Studio.Web.Components.Pages.Users;

/// <summary>
/// Import with a check first: the chosen file is run as a dry run (counts and the first errors), and only that same
/// file, once checked, can be imported. Exports are plain downloads from <see cref="Security.UserExportEndpoint"/>.
/// </summary>
public partial class UserTransfer
{
    private readonly List<BreadcrumbItem> _crumbs = [new("Users", "/users"), new("Import and export", null, disabled: true)];

    private IBrowserFile? _file;
    private UserImportReport? _report;
    private string? _problem;
    private bool _busy;
    private bool _checked;

    [Inject] private UserImport Import { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private bool CanImport => _file is not null && _checked && !_busy && _report is { DryRun: true };

    private string Summary
    {
        get
        {
            var r = _report!;
            var verb = r.DryRun ? "would be created" : "created";
            var listed = r.ErrorsTruncated ? $" (the first {r.Errors.Count} are listed)." : ".";
            return string.Create(CultureInfo.InvariantCulture,
                $"{r.Rows:N0} rows: {r.Created:N0} {verb}, {r.Existing:N0} already exist, {r.Failed:N0} refused{listed}");
        }
    }

    private void FileChosen(InputFileChangeEventArgs e)
    {
        _file = e.File;
        _report = null;
        _problem = null;
        _checked = false;
    }

    private async Task CheckAsync()
    {
        await RunAsync(dryRun: true);
        _checked = _report is not null;
    }

    private async Task ImportAsync()
    {
        await RunAsync(dryRun: false);
        _checked = false;
        if (_report is { } r) Snackbar.Add($"Imported {r.Created:N0} users.", r.Failed > 0 ? Severity.Warning : Severity.Success);
    }

    private async Task RunAsync(bool dryRun)
    {
        if (_file is null) return;
        _busy = true;
        _problem = null;
        try
        {
            var format = _file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? UserFileFormat.Csv : UserFileFormat.Json;
            if (_file.Size > UserImport.MaxFileBytes)
            {
                _report = null;
                _problem = $"The file is larger than {UserImport.MaxFileBytes / (1024 * 1024)} MB; split it and import the parts.";
                return;
            }
            await using var stream = _file.OpenReadStream(UserImport.MaxFileBytes);
            var result = await Import.ImportAsync(stream, format, dryRun);
            _report = result.IsSuccess ? result.Value : null;
            _problem = result.IsSuccess ? null : result.Error!.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
