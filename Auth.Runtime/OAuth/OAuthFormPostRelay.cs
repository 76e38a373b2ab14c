using System.Net;
using System.Text;
using Auth.Core.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.OAuth;

/// <summary>
/// Apple's <c>response_mode=form_post</c> arrives as a cross-site POST, and a SameSite=Lax cookie is not
/// sent with one. When such a POST comes without the binding cookie, this page posts the same fields
/// once more to the same URL from our own origin: a same-site POST, which carries the cookie. It adds
/// nothing an attacker could not send directly; the state check that follows decides as always.
/// </summary>
internal static class OAuthFormPostRelay
{
    public const string MarkerField = "auth_relayed";

    public static bool ShouldRelay(HttpRequest request, IReadOnlyDictionary<string, string> parameters, string? binding) =>
        binding is null && HttpMethods.IsPost(request.Method) && request.HasFormContentType
        && !parameters.ContainsKey(MarkerField) && parameters.ContainsKey("state");

    public static ContentHttpResult Page(HttpContext context, IReadOnlyDictionary<string, string> parameters)
    {
        var nonce = TokenHashing.RandomHex(16);
        var action = WebUtility.HtmlEncode(context.Request.PathBase + context.Request.Path);
        var inputs = new StringBuilder();
        foreach (var (key, value) in parameters.Append(KeyValuePair.Create(MarkerField, "1")))
            inputs.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(key))
                .Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\">");

        // No form-action: browsers apply it to the redirect that answers the form too, and that goes to the app.
        context.Response.Headers["Content-Security-Policy"] = $"default-src 'none'; script-src 'nonce-{nonce}'";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Signing in…</title></head>
            <body><form method="post" action="{{action}}">{{inputs}}<noscript><button type="submit">Continue</button></noscript></form>
            <script nonce="{{nonce}}">document.forms[0].submit();</script></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
