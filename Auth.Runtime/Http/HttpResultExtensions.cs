using Auth.Core.Errors;
using Auth.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Http;

internal static class HttpResultExtensions
{
    public static Results<Ok<TOut>, ErrorHttpResult> ToHttp<TIn, TOut>(this Result<TIn> result, Func<TIn, TOut> map) =>
        result.IsSuccess ? TypedResults.Ok(map(result.Value)) : new ErrorHttpResult(result.Error);

    public static ClientInfo ClientInfo(this HttpContext context) =>
        new(context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null,
            context.Connection.RemoteIpAddress?.ToString());
}
