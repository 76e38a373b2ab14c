using Auth.Core.Data.Entities;
using Auth.Core.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Studio.Web.Components.Pages.Users;

public partial class UserDetail
{
    [Parameter] public string Id { get; set; } = "";

    [Inject] private UserDirectory Directory { get; set; } = default!;
    [Inject] private UserAdministration Admin { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private bool _loading = true;
    private User? _user;
    private IReadOnlyList<Session> _sessions = [];
    private List<BreadcrumbItem> _crumbs = [];

    private string Who => _user?.Email ?? _user?.Phone ?? Id;

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _loading = false;
        _crumbs = [new("Users", "/users"), new(Who, href: null, disabled: true)];
    }

    private async Task LoadAsync()
    {
        _user = await Directory.GetAsync(Id);
        _sessions = _user is null ? [] : await Admin.ListSessionsAsync(Id);
    }

    private async Task VerifyAsync(VerifiedChannel channel)
    {
        var result = await Admin.MarkVerifiedAsync(Id, channel);
        if (!Report(result.IsSuccess ? null : result.Error.Message)) return;
        _user = result.Value;
        Snackbar.Add($"Marked the {(channel == VerifiedChannel.Email ? "e-mail address" : "phone number")} of {Who} as verified.", Severity.Success);
    }

    private async Task ToggleDisabledAsync()
    {
        var disable = !_user!.Disabled;
        if (disable)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync("Disable this user?",
                $"{Who} can no longer sign in, and every session of theirs ends now.", yesText: "Disable", cancelText: "Cancel");
            if (confirmed != true) return;
        }

        var result = await Admin.SetDisabledAsync(Id, disable);
        if (!Report(result.IsSuccess ? null : result.Error.Message)) return;
        await LoadAsync();
        Snackbar.Add(disable ? $"Disabled {Who} and ended their sessions." : $"Enabled {Who}; they can sign in again.", Severity.Success);
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete this user?",
            $"{Who} and all their sessions are deleted for good. This can't be undone.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        var deleted = await Directory.DeleteAsync(Id);
        Snackbar.Add(deleted ? $"Deleted {Who}." : $"{Who} was already deleted.", deleted ? Severity.Success : Severity.Info);
        Navigation.NavigateTo("/users");
    }

    private async Task RevokeAsync(Session session)
    {
        var result = await Admin.RevokeSessionAsync(Id, session.Id);
        if (!Report(result.IsSuccess ? null : result.Error.Message)) return;
        await LoadAsync();
        Snackbar.Add($"Revoked the session of {Who} started {UserFormat.Time(session.CreatedAt)} UTC.", Severity.Success);
    }

    private async Task RevokeAllAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Sign out everywhere?",
            $"Every session of {Who} ends now; they have to sign in again on each device.", yesText: "Sign out everywhere", cancelText: "Cancel");
        if (confirmed != true) return;
        var count = await Admin.RevokeAllSessionsAsync(Id);
        await LoadAsync();
        Snackbar.Add($"Revoked {count} session{(count == 1 ? "" : "s")} of {Who}.", Severity.Success);
    }

    private bool Report(string? error)
    {
        if (error is null) return true;
        Snackbar.Add(error, Severity.Error);
        return false;
    }
}
