using System.Globalization;
using Auth.Core.Data.Entities;
using Auth.Core.Operators;
using Auth.Core.Operators.Mfa;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Web.State;

namespace Studio.Web.Components.Pages;

public partial class Operators
{
    private const string LastOwnerHint = "The last Owner can't be removed or made Support; make another operator an Owner first.";

    [Inject] private OperatorService Service { get; set; } = default!;
    [Inject] private OperatorAdministration Administration { get; set; } = default!;
    [Inject] private CurrentOperator Current { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private OperatorTotp Totp { get; set; } = default!;
    [Inject] private OperatorMfaPolicy MfaPolicy { get; set; } = default!;

    private IReadOnlySet<string> _enrolled = new HashSet<string>();
    private bool _requireTotp;

    private MudForm? _form;
    private IReadOnlyList<Operator>? _operators;
    private CurrentOperator.Identity? _me;
    private string? _email;
    private string? _password;
    private OperatorRole _role = OperatorRole.Support;
    private bool _busy;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    protected override async Task OnInitializedAsync()
    {
        _me = await Current.GetAsync();
        _operators = await Service.ListAsync();
        _enrolled = await Totp.EnrolledOperatorIdsAsync();
        _requireTotp = await MfaPolicy.RequireTotpAsync();
    }

    private async Task SetRequireTotpAsync(bool required)
    {
        await MfaPolicy.SetRequireTotpAsync(required);
        _requireTotp = await MfaPolicy.RequireTotpAsync();
        Snackbar.Add(required
            ? "Every operator now needs an authenticator app; those without one can only set it up."
            : "An authenticator app is now optional for operators.", Severity.Success);
    }

    private async Task ResetTwoStepAsync(Operator op)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Reset {op.Email}'s two-step sign-in?",
            $"Their authenticator app and recovery codes stop working; they sign in with the password alone until they set up a new one.",
            yesText: "Reset", cancelText: "Cancel");
        if (confirmed != true) return;
        var result = await Totp.ResetAsync(op.Id);
        _enrolled = await Totp.EnrolledOperatorIdsAsync();
        Snackbar.Add(result.IsSuccess ? $"Reset {op.Email}'s two-step sign-in." : result.Error.Message, result.IsSuccess ? Severity.Success : Severity.Error);
    }

    // A hint only: the statements refuse the last Owner's removal or demotion even when this list is stale.
    private bool IsLastOwner(Operator op) =>
        op.Role == OperatorRole.Owner && _operators!.Count(o => o.Role == OperatorRole.Owner) == 1;

    private bool IsLocked(Operator op) => op.LockoutEndsAt > Time.GetUtcNow().UtcDateTime;

    private async Task AddAsync()
    {
        _busy = true;
        try
        {
            var result = await Service.CreateAsync(_email, _password, _role);
            _password = null;
            if (!result.IsSuccess)
            {
                _errors = result.Error.Details?.GetValueOrDefault("fields") as IReadOnlyDictionary<string, string>
                    ?? new Dictionary<string, string> { ["email"] = result.Error.Message };
                return;
            }
            _errors = new Dictionary<string, string>();
            _email = null;
            _operators = await Service.ListAsync();
            Snackbar.Add($"Added {result.Value.Role} operator {result.Value.Email}. Give them the password by a safe channel.", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ChangeRoleAsync(Operator op)
    {
        var role = op.Role == OperatorRole.Owner ? OperatorRole.Support : OperatorRole.Owner;
        var self = op.Id == _me?.Id;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Make {op.Email} {role}?",
            role == OperatorRole.Support
                ? $"{(self ? "You" : op.Email)} will no longer open settings, providers, templates, redirect URLs, versions or operators. " +
                  "Open studio tabs follow within a minute, the management API at once."
                : $"{op.Email} will be able to change everything, including operators.",
            yesText: $"Make {role}", cancelText: "Cancel");
        if (confirmed != true) return;

        var result = await Administration.ChangeRoleAsync(op.Id, role);
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            _operators = await Service.ListAsync();
            return;
        }
        if (self)
        {
            // The next request re-issues this browser's cookie with the new role; a full load makes the pages follow.
            Navigation.NavigateTo("/", forceLoad: true);
            return;
        }
        _operators = await Service.ListAsync();
        Snackbar.Add($"{op.Email} is now {role}.", Severity.Success);
    }

    private async Task UnlockAsync(Operator op)
    {
        var result = await Administration.UnlockAsync(op.Id);
        _operators = await Service.ListAsync();
        Snackbar.Add(result.IsSuccess ? $"Unlocked {op.Email}: they can sign in again." : result.Error.Message,
            result.IsSuccess ? Severity.Success : Severity.Error);
    }

    private async Task RemoveAsync(Operator op)
    {
        var self = op.Id == _me?.Id;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            self ? "Remove yourself?" : $"Remove {op.Email}?",
            self
                ? "You are about to remove your own operator account. You will be signed out at once and can't sign in again."
                : $"{op.Email} can no longer sign in to the studio; an open studio tab of theirs is closed within a minute.",
            yesText: self ? "Remove me and sign out" : "Remove", cancelText: "Cancel");
        if (confirmed != true) return;

        var result = await Service.RemoveAsync(op.Id);
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Error.Message, Severity.Error);
            _operators = await Service.ListAsync();
            return;
        }

        if (self)
        {
            // The cookie no longer matches an operator; the next request is refused, this one says why.
            Navigation.NavigateTo("/signin?removed=1", forceLoad: true);
            return;
        }
        _operators = await Service.ListAsync();
        Snackbar.Add($"Removed operator {op.Email}.", Severity.Success);
    }

    private static string Format(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
}
