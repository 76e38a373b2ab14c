using System.Globalization;
using Auth.Core.Data.Entities;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Studio.Web.Components.Pages.Users;

/// <summary>
/// The user list pages with the directory's keyset cursors (ADR 0011) under the filters and sort of ADR 0022. Search,
/// filters and the page's cursor live in the URL (<see cref="UserListState"/>): every change navigates, and the page
/// loads what the URL says, so reload and Back keep them. Totals above 10,000 read "10,000+".
/// </summary>
public sealed partial class UserList : IDisposable
{
    private static readonly string[] Providers = [User.LocalProvider, .. ProvidersSettings.Names];

    // The cursor that opened each page number seen on this circuit: Previous goes back to it (after a reload, to page 1).
    private readonly Dictionary<int, string?> _cursorOfPage = new() { [1] = null };
    private UserListState _state = new();
    private IReadOnlyList<User> _items = [];
    private IReadOnlySet<string> _withSecondFactor = new HashSet<string>();
    private string? _next;
    private string? _error;
    private int _total;
    private bool _capped;
    private bool _loading;

    [Inject] private UserDirectory Directory { get; set; } = default!;
    [Inject] private SecondFactorBadges Badges { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string PageInfo
    {
        get
        {
            if (_items.Count == 0) return "0 users";
            var first = ((_state.Page - 1) * _state.Size) + 1;
            var total = _total.ToString("N0", CultureInfo.InvariantCulture) + (_capped ? "+" : "");
            return $"{first}-{first + _items.Count - 1} of {total}";
        }
    }

    protected override Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        return LoadAsync();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (!new Uri(e.Location).AbsolutePath.Equals("/users", StringComparison.Ordinal)) return;
        _ = InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    private void Go(UserListState state) => Navigation.NavigateTo(state.ToUrl());

    private void SearchChanged(string? query) => Go(_state.FirstPage() with { Query = query });
    private void VerifiedChanged(string value) => Go(_state.FirstPage() with { Verified = Flag(value) });
    private void DisabledChanged(string value) => Go(_state.FirstPage() with { Disabled = Flag(value) });
    private void ProviderChanged(string value) => Go(_state.FirstPage() with { Provider = value.Length == 0 ? null : value });
    private void FromChanged(string? value) => Go(_state.FirstPage() with { From = Day(value) });
    private void ToChanged(string? value) => Go(_state.FirstPage() with { To = Day(value) });
    private void SortChanged(UserSort sort) => Go(_state.FirstPage() with { Sort = sort });
    private void PageSizeChanged(int size) => Go(_state.FirstPage() with { Size = size });
    private void ClearFilters() => Go(new UserListState(Query: _state.Query, Size: _state.Size));

    private void Next()
    {
        if (_next is null) return;
        _cursorOfPage[_state.Page + 1] = _next;
        Go(_state with { Cursor = _next, Page = _state.Page + 1 });
    }

    private void Previous()
    {
        if (_state.Page <= 1) return;
        var back = _state.Page - 1;
        Go(_cursorOfPage.TryGetValue(back, out var cursor) ? _state with { Cursor = cursor, Page = cursor is null ? 1 : back } : _state.FirstPage());
    }

    private async Task LoadAsync()
    {
        _state = UserListState.FromUri(Navigation.Uri);
        if (_state.Cursor is not null) _cursorOfPage.TryAdd(_state.Page, _state.Cursor);
        _loading = true;
        var result = await Directory.ListAsync(_state.Request());
        _loading = false;
        if (!result.IsSuccess)
        {
            // A cursor of another search or from before a restart: start its search again from the first page.
            if (_state.Cursor is not null)
            {
                Go(_state.FirstPage());
                return;
            }
            (_items, _next, _error) = ([], null, result.Error.Message);
            return;
        }
        var page = result.Value;
        (_items, _next, _error) = (page.Items, page.NextCursor, null);
        // Two indexed queries for the page's ids, not one per row (the MFA badge).
        _withSecondFactor = await Badges.WithSecondFactorAsync(page.Items.Select(u => u.Id).ToList());
        // A cursor page carries the total counted on the first page.
        (_total, _capped) = (page.Total, page.TotalCapped);
    }

    private static string FlagText(bool? value) => value switch { true => "true", false => "false", null => "" };

    private static bool? Flag(string value) => bool.TryParse(value, out var b) ? b : null;

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? DayText(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
