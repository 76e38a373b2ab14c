using Auth.Core;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Runtime.OAuth;

/// <summary><c>/oauth/{provider}</c> and its callback.</summary>
internal static class OAuthEndpoints
{
    private const int MaxParameters = 32;

    public static async Task<Results<RedirectHttpResult, ErrorHttpResult>> Start(
        string provider, [FromQuery] string? redirect, HttpContext context, OAuthFlow flow, AuthCoreOptions options)
    {
        OAuthResponses.NoStore(context.Response);
        var outcome = await flow.StartAsync(provider, redirect, () => OAuthBrowserBinding.GetOrCreate(context, options), context.RequestAborted);
        return outcome.RedirectTo is { } url ? TypedResults.Redirect(url) : new ErrorHttpResult(outcome.Error!);
    }

    public static async Task<Results<RedirectHttpResult, ContentHttpResult>> Callback(string provider, HttpContext context, OAuthFlow flow)
    {
        OAuthResponses.NoStore(context.Response);
        var parameters = await ReadParametersAsync(context.Request);
        var binding = OAuthBrowserBinding.Read(context);
        if (OAuthFormPostRelay.ShouldRelay(context.Request, parameters, binding))
            return OAuthFormPostRelay.Page(context, parameters);
        var outcome = await flow.CompleteAsync(provider, parameters, binding, context.RequestAborted);
        return outcome.RedirectTo is { } url ? TypedResults.Redirect(url) : OAuthResponses.ErrorPage(outcome.Error!);
    }

    // GET carries the parameters in the query; Apple's form_post in an urlencoded body.
    private static async Task<IReadOnlyDictionary<string, string>> ReadParametersAsync(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query.Take(MaxParameters))
            values[key] = value.ToString();
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                foreach (var (key, value) in form.Take(MaxParameters))
                    values[key] = value.ToString();
            }
            catch (InvalidDataException)
            {
                // A malformed body is a callback without parameters: the missing state says the rest.
            }
        }
        return values;
    }
}
