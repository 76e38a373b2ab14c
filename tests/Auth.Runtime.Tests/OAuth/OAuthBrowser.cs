using System.Net;
using System.Text.RegularExpressions;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Auth.Runtime.Tests.OAuth;

/// <summary>Where the provider sent the browser back: a GET with a query, or Apple's form_post.</summary>
public sealed record CallbackRequest(Uri Url, IReadOnlyDictionary<string, string>? Form)
{
    public string? Parameter(string name) =>
        Form is not null ? Form.GetValueOrDefault(name) : QueryHelpers.ParseQuery(Url.Query).TryGetValue(name, out var v) ? v.ToString() : null;
}

/// <summary>
/// One browser in an OAuth sign-in, driven by hand: its cookie jar for the runtime (the test server,
/// addressed as the public base URL) and plain HTTP to the loopback fake, never following redirects.
/// </summary>
public sealed partial class OAuthBrowser : IDisposable
{
    public OAuthBrowser(AuthAppFactory factory)
    {
        App = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(AuthAppFactory.DefaultPublicBaseUrl),
        });
        Provider = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    }

    public HttpClient App { get; }
    public HttpClient Provider { get; }

    public Task<HttpResponseMessage> StartAsync(string provider, string? redirect = SuiteBase.RedirectUrl) =>
        App.GetAsync(redirect is null ? $"/oauth/{provider}" : $"/oauth/{provider}?redirect={Uri.EscapeDataString(redirect)}", Ct);

    /// <summary>Follows the runtime's redirect to the fake provider and returns where the provider sends the browser back.</summary>
    public async Task<CallbackRequest> AuthorizeAsync(HttpResponseMessage start)
    {
        Assert.True(start.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to the provider, got {(int)start.StatusCode}: {await start.Content.ReadAsStringAsync(Ct)}");
        using var response = await Provider.GetAsync(start.Headers.Location, Ct);
        if (response.StatusCode == HttpStatusCode.Redirect) return new CallbackRequest(response.Headers.Location!, null);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The fake refused the authorize request: {(int)response.StatusCode} {html}");
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return new CallbackRequest(new Uri(action), fields);
    }

    /// <summary>Delivers the provider's answer to the runtime's callback, as this browser.</summary>
    public Task<HttpResponseMessage> CallbackAsync(CallbackRequest callback) =>
        callback.Form is null
            ? App.GetAsync(callback.Url.PathAndQuery, Ct)
            : App.PostAsync(callback.Url.PathAndQuery, new FormUrlEncodedContent(callback.Form), Ct);

    /// <summary>The whole round trip; returns the URL the runtime finally sends the browser to.</summary>
    public async Task<Uri> SignInAsync(string provider, string redirect = SuiteBase.RedirectUrl)
    {
        var callback = await AuthorizeAsync(await StartAsync(provider, redirect));
        return AppRedirect(await CallbackAsync(callback));
    }

    public static Uri AppRedirect(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect back to the app, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        return response.Headers.Location!;
    }

    public static Dictionary<string, string> Query(Uri url) =>
        QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        App.Dispose();
        Provider.Dispose();
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
