using System.Net;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;
using Microsoft.AspNetCore.Http;

namespace Auth.Runtime.Endpoints;

/// <summary>
/// GET/POST /auth/verify. Success and trusted errors are 303 redirects to the link's (allowed) redirect URL;
/// with nothing to trust, a small plain page. With link-scanner protection on, GET only shows a page whose
/// button POSTs the link, so a mail scanner fetching the URL does not use it up.
/// </summary>
internal static class VerifyEndpoints
{
    public static async Task<IResult> Get(string? key, string? action, VerifyLink flow, ISettingsReader settings, HttpContext context)
    {
        if (settings.Current.Settings.Security.LinkScannerProtection)
        {
            var problem = await flow.PeekAsync(key, action, context.RequestAborted);
            return problem is null ? Page(StatusCodes.Status200OK, ConfirmBody(key!, action!)) : Answer(problem);
        }
        return Answer(await flow.ExecuteAsync(key, action, context.RequestAborted));
    }

    public static async Task<IResult> Post(VerifyLink flow, HttpContext context)
    {
        string? key = null, action = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            key = form["key"];
            action = form["action"];
        }
        key ??= context.Request.Query["key"];
        action ??= context.Request.Query["action"];
        return Answer(await flow.ExecuteAsync(key, action, context.RequestAborted));
    }

    private static IResult Answer(VerifyOutcome outcome) =>
        outcome.RedirectUrl is { } url
            ? new SeeOtherResult(url)
            : Page(StatusCodes.Status400BadRequest, ErrorBody(outcome.Error ?? new AuthError(AuthErrors.InvalidLink, "This link is not valid.")));

    private static IResult Page(int status, string body) => new HtmlPageResult(status, body);

    private static string ConfirmBody(string key, string action) => $"""
        <h1>Continue?</h1>
        <p>Press the button to finish. This link works once.</p>
        <form method="post" action="verify">
          <input type="hidden" name="key" value="{WebUtility.HtmlEncode(key)}">
          <input type="hidden" name="action" value="{WebUtility.HtmlEncode(action)}">
          <button type="submit">Continue</button>
        </form>
        """;

    private static string ErrorBody(AuthError error) => $"""
        <h1>This link can't be used</h1>
        <p>{WebUtility.HtmlEncode(error.Message)}</p>
        <p><small>{WebUtility.HtmlEncode(error.Code)}</small></p>
        """;

    /// <summary>303 See Other: the browser follows with a GET, whatever method reached us.</summary>
    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
            httpContext.Response.ContentLength = 0;
            return Task.CompletedTask;
        }
    }

    /// <summary>A self-contained page: no scripts, no outside resources, never cached, never framed.</summary>
    private sealed class HtmlPageResult(int status, string body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["X-Frame-Options"] = "DENY";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
            var html = $"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>Verify</title></head>
                <body style="font-family:Arial,Helvetica,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#18181b">
                {body}
                </body></html>
                """;
            var bytes = System.Text.Encoding.UTF8.GetBytes(html);
            response.ContentLength = bytes.Length;
            return response.Body.WriteAsync(bytes, httpContext.RequestAborted).AsTask();
        }
    }
}
