using System.Globalization;
using Auth.Core.Activity;
using Auth.Core.Data.Entities;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Studio.Web.Components.Pages.Activity;

/// <summary>
/// The activity log with its filters and position in the URL (a link or a reload shows the same page), paged by the
/// log's keyset cursors: Older and Newer each cost one indexed page at any depth, with no count (ADR 0016). The page
/// reads its state from the address on every navigation, so a filter change is a navigation and Back undoes it.
/// </summary>
public sealed partial class ActivityPage : IDisposable
{
    private IReadOnlyList<ActivityEvent> _items = [];
    private string? _older;
    private string? _newer;
    private string? _error;
    private bool _loading;

    [Inject] private ActivityLog Log { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string? Type { get; set; }
    private string? User { get; set; }
    private string? Actor { get; set; }
    /// <summary>yyyy-MM-dd, UTC.</summary>
    private string? From { get; set; }
    /// <summary>yyyy-MM-dd, UTC, inclusive: events before the next midnight.</summary>
    private string? To { get; set; }
    private string? Cursor { get; set; }

    protected override Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        return LoadAsync();
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (!new Uri(e.Location).AbsolutePath.Equals("/activity", StringComparison.OrdinalIgnoreCase)) return;
        _ = InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    private async Task LoadAsync()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        string? Read(string name) => query.TryGetValue(name, out var v) ? Blank(v.ToString()) : null;
        (Type, User, Actor, From, To, Cursor) = (Read("type"), Read("user"), Read("actor"), Read("from"), Read("to"), Read("cursor"));

        _loading = true;
        _error = null;
        var result = await Log.ListAsync(new EventQuery(Type, User, Actor, Day(From), Day(To)?.AddDays(1), Cursor));
        _loading = false;
        if (!result.IsSuccess)
        {
            _error = "This page link is out of date; start again from the newest events.";
            (_items, _older, _newer) = ([], null, null);
            return;
        }
        (_items, _older, _newer) = (result.Value.Items, result.Value.Older, result.Value.Newer);
    }

    private void TypeChanged(string? value) => Go(value, User, Actor, From, To, null);
    private void UserChanged(string? value) => Go(Type, value, Actor, From, To, null);
    private void ActorChanged(string? value) => Go(Type, User, value, From, To, null);
    private void FromChanged(string? value) => Go(Type, User, Actor, value, To, null);
    private void ToChanged(string? value) => Go(Type, User, Actor, From, value, null);
    private void GoToPage(string? cursor) => Go(Type, User, Actor, From, To, cursor);

    /// <summary>Every change goes through the URL, so the page always shows what the address says.</summary>
    private void Go(string? type, string? user, string? actor, string? from, string? to, string? cursor) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(Navigation.BaseUri + "activity", new Dictionary<string, object?>
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
