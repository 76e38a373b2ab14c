using Auth.Core.Settings;
using Microsoft.AspNetCore.Components.Web;
using Studio.Web.Editing;

namespace Studio.Web.Components.Pages.Settings;

public partial class RedirectUrls : SettingsPageBase
{
    private static readonly string[] Owned = ["redirectURLs"];
    private string? _newUrl;

    protected override IReadOnlyList<string> Sections => Owned;

    private List<string> Urls => Editor!.Model.RedirectURLs;

    /// <summary>The entry rule, plus the duplicate check the whole-list validation would report after adding.</summary>
    private string? NewUrlError
    {
        get
        {
            if (string.IsNullOrWhiteSpace(_newUrl)) return null;
            if (RedirectUrlMatcher.ValidateEntry(_newUrl.Trim()) is { } problem) return problem;
            var normalized = RedirectUrlMatcher.Normalize(_newUrl.Trim(), allowWildcards: true);
            return Urls.Any(u => RedirectUrlMatcher.TryNormalize(u, out var other, out _, allowWildcards: true) && other == normalized)
                ? "This URL is already on the list."
                : null;
        }
    }

    private void Add()
    {
        if (string.IsNullOrWhiteSpace(_newUrl) || NewUrlError is not null) return;
        Urls.Add(_newUrl.Trim());
        _newUrl = null;
        OnEdited();
    }

    private void OnNewUrlKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") Add();
    }

    private void Remove(int index)
    {
        Urls.RemoveAt(index);
        OnEdited();
    }
}
