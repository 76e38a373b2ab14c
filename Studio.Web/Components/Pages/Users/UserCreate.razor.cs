using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Studio.Web.Components.Pages.Users;

/// <summary>An operator creates a user with the runtime's rules (ADR 0022); field errors show on their fields.</summary>
public sealed partial class UserCreate
{
    private readonly List<BreadcrumbItem> _crumbs = [new("Users", "/users"), new("Create user", href: null, disabled: true)];
    private string? _email;
    private string? _phone;
    private string? _name;
    private string? _password;
    private string? _userData;
    private bool _emailVerified;
    private bool _phoneVerified;
    private bool _invite;
    private string? _redirect;
    private bool _saving;
    private string? _message;
    private IReadOnlyDictionary<string, string> _fields = new Dictionary<string, string>();

    [Inject] private UserManagement Management { get; set; } = default!;
    [Inject] private ISettingsReader Settings { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The published redirect URLs a link can return to (patterns can't be a link's target).</summary>
    private IReadOnlyList<string> RedirectUrls => Settings.Current.Settings.RedirectURLs.Where(u => !u.Contains('*', StringComparison.Ordinal)).ToList();

    protected override void OnInitialized() => _redirect = RedirectUrls.FirstOrDefault();

    private bool Has(string field) => _fields.ContainsKey(field);

    private string? Of(string field) => _fields.GetValueOrDefault(field);

    private async Task CreateAsync()
    {
        var data = UserDataText.Parse(_userData);
        if (!data.IsSuccess)
        {
            Show(data.Error);
            return;
        }
        _saving = true;
        var result = await Management.CreateAsync(new CreateUserCommand(
            _email, _phone, string.IsNullOrEmpty(_password) ? null : _password, _name, data.Value,
            _emailVerified, _phoneVerified, _invite, _invite ? _redirect : null));
        _saving = false;
        if (!result.IsSuccess)
        {
            Show(result.Error);
            return;
        }
        var user = result.Value;
        Snackbar.Add(_invite ? $"Created {user.Email} and e-mailed the invitation." : $"Created {user.Email ?? user.Phone}.", Severity.Success);
        Navigation.NavigateTo($"/users/{user.Id}");
    }

    private void Show(AuthError error)
    {
        _fields = UserDataText.Fields(error);
        _message = _fields.Count > 0 ? "Fix the fields marked in red." : error.Message;
    }
}
