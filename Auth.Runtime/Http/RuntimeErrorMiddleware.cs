using System.Text.Json;
using Auth.Core.Data;
using Auth.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Auth.Runtime.Http;

/// <summary>
/// Turns everything that goes wrong under the API prefixes into the error envelope: bad bodies,
/// oversized bodies, unknown routes, and unexpected exceptions (logged; never echoed).
/// </summary>
internal sealed partial class RuntimeErrorMiddleware(RequestDelegate next, ILogger<RuntimeErrorMiddleware> logger)
{
    public const long MaxBodyBytes = 1024 * 1024;
    private const int RetryAfterSeconds = 5;
    private static readonly PathString[] ApiPrefixes = ["/auth", "/admin/api", "/oauth"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        // Sessions, tokens, users and settings must never sit in a shared or browser cache. Public documents
        // (JWKS, client.js) set their own caching, which this leaves alone.
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            if (string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, context);

        var bodyLimit = BodyLimit(context);
        if (context.Request.ContentLength > bodyLimit)
        {
            await ErrorWriter.WriteAsync(context, TooLarge(bodyLimit));
            return;
        }

        context.Request.Body = new LengthLimitedStream(context.Request.Body, bodyLimit);
        try
        {
            await next(context);
            if (!context.Response.HasStarted && context.Response.ContentLength is null && context.Response.StatusCode >= 400)
                await WriteBareStatusAsync(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(context, FromBadRequest(ex));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted && DatabaseFailures.Describe(ex) is { } reason)
        {
            // Storage that cannot serve (locked, read-only, deleted, corrupt) is not a bug: 503, quickly, never a success.
            LogDatabaseUnavailable(logger, context.Request.Method, context.Request.Path, reason);
            context.Response.Clear();
            await ErrorWriter.WriteAsync(context, new AuthError(AuthErrors.ServiceUnavailable,
                "The service cannot store this right now; try again shortly.") { RetryAfterSeconds = RetryAfterSeconds });
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            LogUnhandled(logger, ex, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ErrorWriter.WriteAsync(context, new AuthError(AuthErrors.InternalServerError, "Something went wrong on our side."));
        }
    }

    /// <summary>Framework answers without a body (no route, wrong method, wrong media type) still get the envelope.</summary>
    private static Task WriteBareStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var error = status switch
        {
            StatusCodes.Status404NotFound => new AuthError(AuthErrors.NotFound, "No such endpoint."),
            StatusCodes.Status405MethodNotAllowed => new AuthError(AuthErrors.NotAllowed, "This method is not allowed here."),
            StatusCodes.Status415UnsupportedMediaType => new AuthError(AuthErrors.UnsupportedMediaType, "Send the body as application/json."),
            StatusCodes.Status413PayloadTooLarge => TooLarge(),
            StatusCodes.Status408RequestTimeout => TooSlow(),
            _ when status >= 500 => new AuthError(AuthErrors.InternalServerError, "Something went wrong on our side."),
            _ => AuthError.Validation("(root)", "The request is not valid."),
        };
        return ErrorWriter.WriteAsync(context, error, status);
    }

    private static bool IsApi(PathString path)
    {
        foreach (var prefix in ApiPrefixes)
            if (path.StartsWithSegments(prefix)) return true;
        return false;
    }

    private static AuthError TooLarge(long limit = MaxBodyBytes) =>
        new(AuthErrors.PayloadTooLarge, $"The request body is larger than {limit / 1024:N0} KB.");

    /// <summary>
    /// A user import's file (ADR 0020) may exceed the 1 MB of every other body; one byte over its own cap lets the
    /// import answer with the file's limit in its words.
    /// </summary>
    private static long BodyLimit(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/admin/api/users/import")) return MaxBodyBytes;
        const long limit = Core.Users.Transfer.UserImport.MaxFileBytes + 1;
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            server.MaxRequestBodySize = limit;
        return limit;
    }

    private static AuthError TooSlow() =>
        new(AuthErrors.RequestTimeout, "The request body arrived too slowly; send it again.");

    private static AuthError FromBadRequest(BadHttpRequestException ex)
    {
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge) return TooLarge();
        if (ex.StatusCode == StatusCodes.Status408RequestTimeout) return TooSlow();
        if (ex.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new AuthError(AuthErrors.UnsupportedMediaType, "Send the body as application/json.");

        if (FindJsonException(ex) is { } json)
        {
            var field = JsonPathToField(json.Path);
            return AuthError.Validation(field, field == "(root)" ? "The body is not valid JSON." : "This field has the wrong type or is malformed.");
        }

        return AuthError.Validation("(root)", "The request body is missing or not valid JSON.");
    }

    private static JsonException? FindJsonException(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is JsonException json) return json;
        return null;
    }

    private static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "(root)";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database unavailable for {Method} {Path}: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception ex, string method, string path);
}
