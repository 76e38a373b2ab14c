using System.Net;
using System.Text.Json.Nodes;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.OAuth;

/// <summary>Each test gets a fresh loopback fake of every provider, published as the provider settings.</summary>
public abstract class OAuthSuiteBase(AppFixture fixture) : SuiteBase(fixture)
{
    public static readonly TheoryData<string> Providers = ["google", "apple", "facebook", "twitter", "github", "discord"];

    protected FakeOAuthServer Fake { get; private set; } = null!;

    protected override object? Baseline => new { providers = Fake.SettingsPatch() };

    public override async ValueTask InitializeAsync()
    {
        Fake = await FakeOAuthServer.StartAsync(Fixture.Time);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Fake is not null) await Fake.DisposeAsync();
        await base.DisposeAsync();
    }

    protected OAuthBrowser NewBrowser() => new(Fixture.Factory);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asserts an error redirect back to the app: status, code and error, and never a token.</summary>
    protected static Dictionary<string, string> AssertErrorRedirect(Uri location, string code, int status)
    {
        Assert.StartsWith(RedirectUrl + "?", location.ToString(), StringComparison.Ordinal);
        var query = OAuthBrowser.Query(location);
        Assert.Equal(code, query.GetValueOrDefault("code"));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), query.GetValueOrDefault("status"));
        Assert.False(string.IsNullOrWhiteSpace(query.GetValueOrDefault("error")));
        Assert.False(query.ContainsKey("access_token"));
        return query;
    }

    /// <summary>Asserts the plain error page for a callback with no trustworthy redirect.</summary>
    protected static async Task AssertErrorPage(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.DoesNotContain("at-", html, StringComparison.Ordinal);
    }

    /// <summary>Trades the access token of a success redirect for the user and session.</summary>
    protected async Task<(JsonObject User, JsonObject Session, string Action)> GrantAsync(Uri location)
    {
        Assert.StartsWith(RedirectUrl + "?", location.ToString(), StringComparison.Ordinal);
        var query = OAuthBrowser.Query(location);
        Assert.Equal("200", query["status"]);
        Assert.StartsWith("at-", query["access_token"], StringComparison.Ordinal);
        var response = await PostAsync("/auth/grant", new { accessToken = query["access_token"] });
        response.AssertStatus(HttpStatusCode.OK);
        return (response.Body!["user"]!.AsObject(), response.Body!["session"]!.AsObject(), query["action"]);
    }

    protected async Task<int> UserCountAsync(string provider, string providerUserId)
    {
        await using var db = Db();
        return db.Users.Count(u => u.Provider == provider && u.ProviderUserId == providerUserId);
    }
}
