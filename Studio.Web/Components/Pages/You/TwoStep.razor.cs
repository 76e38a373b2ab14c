using System.Globalization;
using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Operators.Mfa;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Studio.Web.Security;
using Studio.Web.State;

namespace Studio.Web.Components.Pages.You;

/// <summary>The operator's own authenticator (ADR 0021): enrol with QR and a code, recovery codes shown once, replace or remove with proof.</summary>
public partial class TwoStep
{
    [Inject] private OperatorTotp Totp { get; set; } = default!;
    [Inject] private CurrentOperator Current { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string _operatorId = "";
    private bool _mustEnrol;
    private OperatorTotpStatus? _status;
    private TotpEnrollmentStarted? _started;
    private IReadOnlyList<string>? _recoveryCodes;
    private string? _code;
    private string? _proofPassword;
    private string? _proofCode;
    private string? _error;
    private bool _busy;

    protected override async Task OnInitializedAsync()
    {
        _operatorId = (await Current.GetAsync()).Id;
        _mustEnrol = StudioAuth.MustEnrol((await Authentication.GetAuthenticationStateAsync()).User);
        _status = await Totp.StatusAsync(_operatorId);
    }

    private Task StartAsync() => RunAsync(async () =>
    {
        var started = await Totp.StartAsync(_operatorId);
        if (started.IsSuccess) _started = started.Value;
        else Snackbar.Add(started.Error.Message, Severity.Error);
    });

    private Task ConfirmAsync() => RunAsync(async () =>
    {
        var confirmed = await Totp.ConfirmAsync(_operatorId, _started?.FactorId, _code);
        _code = null;
        if (!confirmed.IsSuccess)
        {
            _error = Describe(confirmed.Error);
            return;
        }
        _started = null;
        _recoveryCodes = confirmed.Value;
        _status = await Totp.StatusAsync(_operatorId);
    });

    private Task ReplaceCodesAsync() => RunAsync(async () =>
    {
        var replaced = await Totp.ReplaceRecoveryCodesAsync(_operatorId, TakePassword(), TakeCode());
        if (!replaced.IsSuccess)
        {
            _error = Describe(replaced.Error);
            return;
        }
        _recoveryCodes = replaced.Value;
        _status = await Totp.StatusAsync(_operatorId);
    });

    private async Task RemoveAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove the authenticator?",
            "Your sign-ins will need only your password again, and your recovery codes stop working.",
            yesText: "Remove", cancelText: "Cancel");
        if (confirmed != true) return;
        await RunAsync(async () =>
        {
            var removed = await Totp.RemoveAsync(_operatorId, TakePassword(), TakeCode());
            if (!removed.IsSuccess)
            {
                _error = Describe(removed.Error);
                return;
            }
            _status = await Totp.StatusAsync(_operatorId);
            Snackbar.Add("The authenticator was removed.", Severity.Success);
        });
    }

    // Once the codes are saved: a full load, so the next request re-issues the cookie (the enrolment limit lifts).
    private void Continue()
    {
        if (_mustEnrol) Navigation.NavigateTo("/", forceLoad: true);
        else _recoveryCodes = null;
    }

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        finally
        {
            _busy = false;
        }
    }

    private string? TakePassword() => Take(ref _proofPassword);

    private string? TakeCode() => Take(ref _proofCode);

    private static string? Take(ref string? field)
    {
        var value = string.IsNullOrWhiteSpace(field) ? null : field;
        field = null;
        return value;
    }

    private static string Describe(AuthError error) => error.Code switch
    {
        AuthErrors.InvalidMfaCode => "The code is not right (or was already used); wait for the next one.",
        AuthErrors.InvalidCredentials => "The password is not right.",
        AuthErrors.RateLimitExceeded => "Too many wrong attempts: your account is locked for a while (for sign-in too). An Owner can unlock it.",
        AuthErrors.ValidationError => "Give your password or a current code.",
        _ => error.Message,
    };

    private static string Format(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
}
