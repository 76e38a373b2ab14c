using System.Globalization;
using Auth.Core.Data.Entities;
using Auth.Core.Operators;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Web.State;

namespace Studio.Web.Components.Pages;

public partial class Operators
{
    [Inject] private OperatorService Service { get; set; } = default!;
    [Inject] private CurrentOperator Current { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private MudForm? _form;
    private IReadOnlyList<Operator>? _operators;
    private CurrentOperator.Identity? _me;
    private string? _email;
    private string? _password;
    private bool _busy;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    protected override async Task OnInitializedAsync()
    {
        _me = await Current.GetAsync();
        _operators = await Service.ListAsync();
    }

    private async Task AddAsync()
    {
        _busy = true;
        try
        {
            var result = await Service.CreateAsync(_email, _password);
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
            Snackbar.Add($"Added operator {result.Value.Email}. Give them the password by a safe channel.", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
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
