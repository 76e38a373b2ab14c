using System.Globalization;
using Auth.Core.Users;
using Microsoft.AspNetCore.WebUtilities;

namespace Studio.Web.Components.Pages.Users;

/// <summary>
/// What the user list shows, as its URL's query string (<c>q, verified, disabled, provider, from, to, sort, size,
/// cursor, page</c>), so a reload, a shared link or the browser's Back button lands on the same search, filters and page.
/// Dates are UTC days; <c>to</c> is the last day included.
/// </summary>
public sealed record UserListState(
    string? Query = null, bool? Verified = null, bool? Disabled = null, string? Provider = null,
    DateOnly? From = null, DateOnly? To = null, UserSort Sort = UserSort.Newest, int Size = UserDirectory.DefaultPageSize,
    string? Cursor = null, int Page = 1)
{
    public static readonly int[] Sizes = [20, 50, 100];

    public static UserListState FromUri(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string key) => query.TryGetValue(key, out var v) && v.Count > 0 && !string.IsNullOrEmpty(v[0]) ? v[0] : null;
        bool? Flag(string key) => bool.TryParse(Get(key), out var b) ? b : null;
        DateOnly? Day(string key) => DateOnly.TryParseExact(Get(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var size = int.TryParse(Get("size"), CultureInfo.InvariantCulture, out var s) && Sizes.Contains(s) ? s : UserDirectory.DefaultPageSize;
        var cursor = Get("cursor");
        var page = cursor is not null && int.TryParse(Get("page"), CultureInfo.InvariantCulture, out var p) && p > 1 ? p : 1;
        return new UserListState(Get("q"), Flag("verified"), Flag("disabled"), Get("provider"), Day("from"), Day("to"),
            string.Equals(Get("sort"), "oldest", StringComparison.OrdinalIgnoreCase) ? UserSort.Oldest : UserSort.Newest, size,
            cursor, cursor is null ? 1 : page);
    }

    /// <summary>The page's URL: only what differs from the defaults, so the plain list stays <c>/users</c>.</summary>
    public string ToUrl()
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(Query)) query["q"] = Query;
        if (Verified is { } v) query["verified"] = v ? "true" : "false";
        if (Disabled is { } d) query["disabled"] = d ? "true" : "false";
        if (!string.IsNullOrWhiteSpace(Provider)) query["provider"] = Provider;
        if (From is { } from) query["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (To is { } to) query["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Sort == UserSort.Oldest) query["sort"] = "oldest";
        if (Size != UserDirectory.DefaultPageSize) query["size"] = Size.ToString(CultureInfo.InvariantCulture);
        if (Cursor is not null)
        {
            query["cursor"] = Cursor;
            query["page"] = Page.ToString(CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString("/users", query);
    }

    /// <summary>The same search and filters from their first page (any change of them starts over).</summary>
    public UserListState FirstPage() => this with { Cursor = null, Page = 1 };

    public UserFilter Filter() => new(Verified, Disabled, string.IsNullOrWhiteSpace(Provider) ? null : Provider.Trim(),
        From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    public UserListRequest Request() => new(Query, Size, Cursor, null, Filter(), Sort);

    public bool IsFiltered => Verified is not null || Disabled is not null || !string.IsNullOrWhiteSpace(Provider) || From is not null || To is not null;
}
