using System.Globalization;
using System.Net;
using Auth.Core.Errors;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.OAuth;

/// <summary>Where an OAuth request ends: a redirect (to the provider or back to the app) or, with no trustworthy redirect, an error.</summary>
internal sealed record OAuthOutcome(string? RedirectTo, AuthError? Error)
{
    public static OAuthOutcome Redirect(string url) => new(url, null);

    public static OAuthOutcome Fail(AuthError error) => new(null, error);
}

internal static class OAuthResponses
{
    /// <summary><c>redirect?status=…&amp;code=…&amp;error=…</c>: the error travels back to the app, never a token.</summary>
    public static string Failure(string redirectUrl, AuthError error) =>
        OAuthUrl.WithQuery(redirectUrl,
        [
            new("status", ErrorStatus.For(error.Code).ToString(CultureInfo.InvariantCulture)),
            new("code", error.Code),
            new("error", error.Message),
        ]);

    /// <summary>A plain page for a callback with nowhere trustworthy to send the browser.</summary>
    public static ContentHttpResult ErrorPage(AuthError error)
    {
        var message = WebUtility.HtmlEncode(error.Message);
        var code = WebUtility.HtmlEncode(error.Code);
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign-in failed</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}code{color:#666}</style>
            </head><body><h1>Sign-in failed</h1><p>{{message}}</p><p><code>{{code}}</code></p>
            <p>Go back to the app and try again.</p></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: ErrorStatus.For(error.Code));
    }

    /// <summary>Callback URLs carry codes and states, success URLs a token: keep them out of caches and Referer headers.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
    }
}
