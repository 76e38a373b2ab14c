using System.Globalization;
using Auth.Core.Data.Entities;
using Auth.Core.Users;
using Microsoft.AspNetCore.Components;

namespace Studio.Web.Components.Pages.Users;

/// <summary>
/// The user list pages with the directory's keyset cursors (ADR 0011): Next follows the cursor of the page shown,
/// Previous goes back to the cursor that led here, so any depth costs one page. Totals above 10,000 read "10,000+".
/// </summary>
public partial class UserList
{
    private static readonly int[] PageSizes = [20, 50, 100];

    // _cursors[i] opens page i (null: the first page); the last entry is the page on screen.
    private readonly List<string?> _cursors = [null];
    private IReadOnlyList<User> _items = [];
    private IReadOnlySet<string> _withSecondFactor = new HashSet<string>();
    private string? _next;
    private string? _query;
    private int _pageSize = UserDirectory.DefaultPageSize;
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
            var first = ((_cursors.Count - 1) * _pageSize) + 1;
            var total = _total.ToString("N0", CultureInfo.InvariantCulture) + (_capped ? "+" : "");
            return $"{first}-{first + _items.Count - 1} of {total}";
        }
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task SearchAsync(string? query)
    {
        _query = query;
        return RestartAsync();
    }

    private Task PageSizeChangedAsync(int size)
    {
        _pageSize = size;
        return RestartAsync();
    }

    private Task RestartAsync()
    {
        _cursors.Clear();
        _cursors.Add(null);
        return LoadAsync();
    }

    private Task NextAsync()
    {
        if (_next is null) return Task.CompletedTask;
        _cursors.Add(_next);
        return LoadAsync();
    }

    private Task PreviousAsync()
    {
        if (_cursors.Count <= 1) return Task.CompletedTask;
        _cursors.RemoveAt(_cursors.Count - 1);
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        var result = await Directory.ListAsync(new UserListRequest(_query, _pageSize, _cursors[^1]));
        _loading = false;
        if (!result.IsSuccess)
        {
            // Only a cursor from before a restart can fail; start the search again from its first page.
            if (_cursors.Count > 1) await RestartAsync();
            return;
        }
        var page = result.Value;
        _items = page.Items;
        // Two indexed queries for the page's ids, not one per row (the MFA badge).
        _withSecondFactor = await Badges.WithSecondFactorAsync(page.Items.Select(u => u.Id).ToList());
        _next = page.NextCursor;
        // A cursor page carries the total counted on the first page.
        (_total, _capped) = (page.Total, page.TotalCapped);
    }
}
