using System.Globalization;
using System.Text.Json;
using Auth.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Auth.Runtime.Http;

public static class ErrorWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, AuthError error, int? status = null)
    {
        var code = status ?? ErrorStatus.For(error.Code);
        context.Response.StatusCode = code;
        if (error.RetryAfterSeconds is { } seconds)
            context.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
        var origin = code >= 500 ? "server_error" : "client_error";
        var envelope = new ErrorEnvelope([new ErrorItem(origin, error.Code, error.Message, error.Details)]);
        return context.Response.WriteAsJsonAsync(envelope, Json);
    }
}
