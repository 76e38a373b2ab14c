using Auth.Core.Settings;

namespace Auth.Core.Tests.Settings;

public class RedirectUrlMatcherTests
{
    [Theory]
    [InlineData("HTTPS://App.Example.COM/Auth/Cb", "https://app.example.com/Auth/Cb")]
    [InlineData("https://app.example.com", "https://app.example.com/")]
    [InlineData("https://app.example.com:443/cb", "https://app.example.com/cb")]
    [InlineData("http://app.example.com:80/cb", "http://app.example.com/cb")]
    [InlineData("https://app.example.com:8443/cb", "https://app.example.com:8443/cb")]
    [InlineData("http://localhost:3000/auth-redirect#frag", "http://localhost:3000/auth-redirect")]
    [InlineData("https://app.example.com/cb?b=2&a=1", "https://app.example.com/cb?b=2&a=1")]
    [InlineData("https://bücher.example/cb", "https://xn--bcher-kva.example/cb")]
    [InlineData("https://app.example.com/a/./b/../c", "https://app.example.com/a/c")]
    [InlineData("https://app.example.com/a/%2e%2E/c", "https://app.example.com/c")]
    [InlineData("https://app.example.com/%7euser/%2fx", "https://app.example.com/~user/%2Fx")]
    [InlineData("https://app.example.com/caf\u00e9", "https://app.example.com/caf%C3%A9")]
    [InlineData("http://[::1]:3000/cb", "http://[::1]:3000/cb")]
    public void Normalize_ProducesCanonicalForm(string url, string expected)
    {
        Assert.Equal(expected, RedirectUrlMatcher.Normalize(url));
    }

    [Theory]
    [InlineData("/auth-redirect")]
    [InlineData("auth-redirect")]
    [InlineData("//evil.example/cb")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https:app.example.com")]
    [InlineData("https://allowed.example@evil.example/")]
    [InlineData("https://app.example.com\\@evil.example/")]
    [InlineData("https://app.example.com /cb")]
    [InlineData("https://app.example.com/cb%zz")]
    [InlineData("https://app.example.com:0/")]
    [InlineData("https://app.example.com:99999/")]
    [InlineData("https://app..example.com/")]
    [InlineData("https:///cb")]
    public void Normalize_NotAnAbsoluteHttpUrl_Throws(string url)
    {
        Assert.Throws<FormatException>(() => RedirectUrlMatcher.Normalize(url));
    }

    [Theory]
    [InlineData("https://app.example.com/cb", "https://app.example.com/cb")]
    [InlineData("https://app.example.com/cb", "HTTPS://APP.example.com/cb")]
    [InlineData("https://app.example.com/cb", "https://app.example.com:443/cb")]
    [InlineData("https://app.example.com/cb", "https://app.example.com/cb?state=xyz")]
    [InlineData("https://app.example.com/cb", "https://app.example.com/cb#section")]
    [InlineData("https://app.example.com", "https://app.example.com/")]
    [InlineData("https://bücher.example/cb", "https://xn--bcher-kva.example/cb")]
    [InlineData("https://xn--bcher-kva.example/cb", "https://BÜCHER.example/cb")]
    [InlineData("https://*.preview.example.com/cb", "https://pr-42.preview.example.com/cb")]
    [InlineData("https://pr-*.preview.example.com/cb", "https://pr-42.preview.example.com/cb")]
    [InlineData("https://app.example.com/users/*/done", "https://app.example.com/users/42/done")]
    [InlineData("https://app.example.com/cb-*", "https://app.example.com/cb-mobile")]
    [InlineData("http://*.localhost:3000/cb", "http://tenant.localhost:3000/cb")]
    public void Match_Allowed(string entry, string candidate)
    {
        var match = RedirectUrlMatcher.Match([entry], candidate);

        Assert.True(match.IsMatch, match.Reason);
        Assert.Equal(entry, match.MatchedEntry);
        Assert.Null(match.Reason);
    }

    [Theory]
    [InlineData("https://app.example.com/cb", "https://app.example.com/cb/")] // trailing slash is a different path
    [InlineData("https://app.example.com/cb/", "https://app.example.com/cb")]
    [InlineData("https://app.example.com/cb", "https://app.example.com/CB")] // path is case-sensitive
    [InlineData("https://app.example.com/cb", "http://app.example.com/cb")]
    [InlineData("https://app.example.com/cb", "https://app.example.com:8443/cb")]
    [InlineData("https://app.example.com/cb", "https://app.example.com.evil.example/cb")]
    [InlineData("https://app.example.com/cb", "https://app.example.com/cb/../admin")]
    [InlineData("https://*.example.com/cb", "https://example.com/cb")] // * needs at least one character
    [InlineData("https://*.example.com/cb", "https://a.b.example.com/cb")] // * doesn't cross '.'
    [InlineData("https://*.example.com/cb", "https://evil.example/.example.com/cb")]
    [InlineData("https://*.example.com/cb", "https://example.com.evil.example/cb")]
    [InlineData("https://app.example.com/u/*/done", "https://app.example.com/u/1/2/done")] // * doesn't cross '/'
    [InlineData("https://app.example.com/u/*/done", "https://app.example.com/u/1%2F2/done")]
    [InlineData("https://app.example.com/u/*/done", "https://app.example.com/u/%2e%2e/done")]
    [InlineData("https://app.example.com/u/*", "https://app.example.com/u/")]
    [InlineData("https://app.example.com/u/*", "https://app.example.com/u/file.html")] // * doesn't match '.'
    public void Match_Refused(string entry, string candidate)
    {
        var match = RedirectUrlMatcher.Match([entry], candidate);

        Assert.False(match.IsMatch);
        Assert.Null(match.MatchedEntry);
        Assert.False(string.IsNullOrEmpty(match.Reason));
    }

    [Theory]
    [InlineData("https://allowed.example.com@evil.example/cb", "user information")]
    [InlineData("javascript:alert(document.cookie)", "Only http and https")]
    [InlineData("data:text/html,hi", "Only http and https")]
    [InlineData("/auth-redirect", "absolute URL")]
    [InlineData("//evil.example/cb", "absolute URL")]
    [InlineData("https://allowed.example.com\\.evil.example/", "backslashes")]
    [InlineData("https://allowed.example.com\t/cb", "control characters")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void Match_UnsafeCandidate_SaysWhy(string? candidate, string reasonPart)
    {
        var match = RedirectUrlMatcher.Match(["https://allowed.example.com/cb", "https://*.example.com/cb"], candidate);

        Assert.False(match.IsMatch);
        Assert.Contains(reasonPart, match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_UnknownOrigin_NamesTheOrigin()
    {
        var match = RedirectUrlMatcher.Match(["https://app.example.com/cb"], "https://evil.example/cb");

        Assert.Equal("No allowed redirect URL has the origin https://evil.example.", match.Reason);
    }

    [Fact]
    public void Match_KnownOriginWrongPath_ListsAllowedPaths()
    {
        var match = RedirectUrlMatcher.Match(["https://app.example.com/cb", "https://app.example.com/other"], "https://app.example.com/admin");

        Assert.Equal("The path /admin is not allowed for https://app.example.com (allowed: /cb, /other).", match.Reason);
    }

    [Fact]
    public void Match_PrefersExactEntryOverPattern()
    {
        var match = RedirectUrlMatcher.Match(["https://*.example.com/cb", "https://app.example.com/cb"], "https://app.example.com/cb");

        Assert.Equal("https://app.example.com/cb", match.MatchedEntry);
    }

    [Fact]
    public void Match_ReturnsNormalizedCandidateKeepingQuery()
    {
        var match = RedirectUrlMatcher.Match(["https://app.example.com/cb"], "HTTPS://app.example.com:443/cb?state=1#frag");

        Assert.Equal("https://app.example.com/cb?state=1", match.NormalizedCandidate);
    }

    [Fact]
    public void Match_InvalidEntriesAreSkipped()
    {
        var match = RedirectUrlMatcher.Match(["javascript:alert(1)", "https://*.com/cb"], "https://evil.com/cb");

        Assert.False(match.IsMatch);
        Assert.Contains("No redirect URLs are allowed", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_ManyStars_DoesNotBlowUp()
    {
        var entry = "https://app.example.com/" + string.Concat(Enumerable.Repeat("*a", 30)) + "b";
        var candidate = "https://app.example.com/" + new string('a', 2000);

        Assert.False(RedirectUrlMatcher.Match([entry], candidate).IsMatch);
    }

    [Fact]
    public void DefaultRedirectUrl_MatchesItself()
    {
        var settings = new AuthSettings();

        Assert.True(RedirectUrlMatcher.Match(settings.RedirectURLs, "http://localhost:3000/auth-redirect").IsMatch);
    }
}

/// <summary>CORS for the browser client: origins of the allow-list entries.</summary>
public class RedirectUrlOriginTests
{
    private static readonly string[] AllowList =
        ["http://localhost:3000/auth-redirect", "https://*.preview.example.com/cb", "https://app.example.com/u/*/done"];

    [Theory]
    [InlineData("http://localhost:3000", true)]
    [InlineData("HTTP://LOCALHOST:3000", true)]
    [InlineData("https://pr-12.preview.example.com", true)]
    [InlineData("https://app.example.com", true)]
    [InlineData("https://app.example.com:443", true)]
    [InlineData("http://localhost:3001", false)]
    [InlineData("https://localhost:3000", false)]
    [InlineData("https://a.b.preview.example.com", false)]
    [InlineData("https://preview.example.com", false)]
    [InlineData("https://app.example.com.evil.test", false)]
    [InlineData("https://app.example.com/", false)]
    [InlineData("https://app.example.com/u/1/done", false)]
    [InlineData("null", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsAllowedOrigin_MatchesEntryOrigins(string? origin, bool allowed)
    {
        Assert.Equal(allowed, RedirectUrlMatcher.IsAllowedOrigin(AllowList, origin));
    }

    [Fact]
    public void IsAllowedOrigin_EmptyList_AllowsNothing()
    {
        Assert.False(RedirectUrlMatcher.IsAllowedOrigin([], "http://localhost:3000"));
    }
}
