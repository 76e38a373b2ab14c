using System.Globalization;
using Auth.Core.Activity;
using Auth.Core.Data.Entities;
using Microsoft.AspNetCore.Components;

namespace Studio.Web.Components.Pages.Activity;

/// <summary>
/// The activity log with its filters and position in the URL (a link or a reload shows the same page), paged by the
/// log's keyset cursors: Older and Newer each cost one indexed page at any depth, with no count (ADR 0016).
/// </summary>
public partial class ActivityPage
{
    private IReadOnlyList<ActivityEvent> _items = [];
    private string? _older;
    private string? _newer;
    private string? _error;
    private bool _loading;

    [SupplyParameterFromQuery(Name = "type")] public string? Type { get; set; }
    [SupplyParameterFromQuery(Name = "user")] public string? User { get; set; }
    [SupplyParameterFromQuery(Name = "actor")] public string? Actor { get; set; }
    /// <summary>yyyy-MM-dd, UTC.</summary>
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    /// <summary>yyyy-MM-dd, UTC, inclusive: events before the next midnight.</summary>
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "cursor")] public string? Cursor { get; set; }

    [Inject] private ActivityLog Log { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _error = null;
        var result = await Log.ListAsync(new EventQuery(
            Blank(Type), Blank(User), Blank(Actor), Day(From), Day(To)?.AddDays(1), Blank(Cursor)));
        _loading = false;
        if (!result.IsSuccess)
        {
            _error = "This page link is out of date; showing the newest events instead.";
            (_items, _older, _newer) = ([], null, null);
            if (Cursor is not null) Go(Type, User, Actor, From, To, null);
            return;
        }
        (_items, _older, _newer) = (result.Value.Items, result.Value.Older, result.Value.Newer);
    }

    private Task TypeChangedAsync(string? value) => Filter(() => Go(value, User, Actor, From, To, null));
    private Task UserChangedAsync(string? value) => Filter(() => Go(Type, value, Actor, From, To, null));
    private Task ActorChangedAsync(string? value) => Filter(() => Go(Type, User, value, From, To, null));
    private Task FromChangedAsync(string? value) => Filter(() => Go(Type, User, Actor, value, To, null));
    private Task ToChangedAsync(string? value) => Filter(() => Go(Type, User, Actor, From, value, null));

    private Task GoAsync(string? cursor) => Filter(() => Go(Type, User, Actor, From, To, cursor));

    private static Task Filter(Action go)
    {
        go();
        return Task.CompletedTask;
    }

    /// <summary>Every change goes through the URL, so the page state is always what the address says.</summary>
    private void Go(string? type, string? user, string? actor, string? from, string? to, string? cursor) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters("/activity", new Dictionary<string, object?>
        {
            ["type"] = Blank(type), ["user"] = Blank(user), ["actor"] = Blank(actor), ["from"] = Blank(from), ["to"] = Blank(to),
            ["cursor"] = Blank(cursor),
        }));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTime? Day(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)
            ? DateTime.SpecifyKind(day, DateTimeKind.Utc)
            : null;
}
