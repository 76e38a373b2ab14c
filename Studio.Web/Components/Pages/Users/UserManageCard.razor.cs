using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Studio.Web.Components.Pages.Users;

public sealed partial class UserManageCard
{
    private bool _editing;
    private bool _saving;
    private string? _email;
    private string? _phone;
    private string? _name;
    private string? _userData;
    private bool _vouchEmail;
    private bool _vouchPhone;
    private string? _message;
    private IReadOnlyDictionary<string, string> _fields = new Dictionary<string, string>();

    [Parameter, EditorRequired] public User User { get; set; } = default!;

    /// <summary>Called after a change, so the page reloads the user.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [Inject] private UserManagement Management { get; set; } = default!;
    [Inject] private UserOutreach Outreach { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private string Who => User.Email ?? User.Phone ?? User.Id;

    private bool IsLocked => User.LockoutEndsAt > Time.GetUtcNow().UtcDateTime;

    private bool Has(string field) => _fields.ContainsKey(field);

    private string? Of(string field) => _fields.GetValueOrDefault(field);

    private void StartEdit()
    {
        (_email, _phone, _name, _userData) = (User.Email, User.Phone, User.Name, UserDataText.Show(User.UserData));
        (_vouchEmail, _vouchPhone, _message, _fields) = (false, false, null, new Dictionary<string, string>());
        _editing = true;
    }

    private async Task SaveAsync()
    {
        var data = UserDataText.Parse(_userData);
        if (!data.IsSuccess)
        {
            Show(data.Error);
            return;
        }
        _saving = true;
        // Only what the operator changed is sent: an untouched field never rewrites (or re-verifies) anything.
        var command = new UpdateUserCommand
        {
            Name = _name == User.Name ? null : new Change<string?>(_name),
            UserData = UserDataText.Show(User.UserData) == (_userData ?? "") ? null : new Change<System.Text.Json.Nodes.JsonObject?>(data.Value),
            Email = (_email ?? "") == (User.Email ?? "") ? null : new Change<string?>(_email),
            Phone = (_phone ?? "") == (User.Phone ?? "") ? null : new Change<string?>(_phone),
            VouchEmail = _vouchEmail,
            VouchPhone = _vouchPhone,
        };
        var result = await Management.UpdateAsync(User.Id, command);
        _saving = false;
        if (!result.IsSuccess)
        {
            Show(result.Error);
            return;
        }
        _editing = false;
        Snackbar.Add($"Saved the changes to {result.Value.Email ?? result.Value.Phone ?? User.Id}.", Severity.Success);
        await Changed.InvokeAsync();
    }

    private async Task InviteAsync() =>
        await ReportAsync(await Outreach.InviteAsync(User.Id, null), $"E-mailed an invitation to {User.Email}.");

    private async Task SendResetAsync() =>
        await ReportAsync(await Outreach.SendResetAsync(User.Id, null), $"E-mailed a password reset link to {User.Email}.");

    private async Task UnlockAsync() =>
        await ReportAsync(await Outreach.UnlockAsync(User.Id), $"Unlocked {Who}: they can sign in again.");

    private async Task ReportAsync(Result<Unit> result, string done)
    {
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }
        Snackbar.Add(done, Severity.Success);
        await Changed.InvokeAsync();
    }

    private void Show(AuthError error)
    {
        _fields = UserDataText.Fields(error);
        _message = _fields.Count > 0 ? "Fix the fields marked in red." : error.Message;
    }
}
