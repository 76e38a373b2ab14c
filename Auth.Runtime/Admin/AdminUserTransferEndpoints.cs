using Auth.Core.Activity;
using Auth.Core.Errors;
using Auth.Core.Users.Transfer;
using Auth.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Admin;

/// <summary>Every user out as CSV or JSON, and users in from such a file with their password hashes (ADR 0020). Owners only.</summary>
internal static class AdminUserTransferEndpoints
{
    /// <summary>Streams the users page by page as the response is written; never a hash or secret.</summary>
    public static Results<PushStreamHttpResult, ErrorHttpResult> Export(string? format, UserExport export, TimeProvider time, HttpContext http)
    {
        if (UserRecord.ParseFormat(format ?? "csv") is not { } chosen) return BadFormat();
        // The operator filter's scope ends when the handler returns, before the stream is written: take the actor now.
        var actor = Actor.OperatorOrSystem;
        var name = $"users-{time.GetUtcNow():yyyyMMdd-HHmmss}.{chosen.ToString().ToLowerInvariant()}";
        var contentType = chosen == UserFileFormat.Csv ? "text/csv; charset=utf-8" : "application/json";
        return TypedResults.Stream(stream => export.WriteAsync(stream, chosen, actor, http.RequestAborted), contentType, name);
    }

    /// <summary>
    /// The request body is the file (any content type; <c>format</c> says how to read it, else the content type does).
    /// <c>dryRun=true</c> checks every row against the users stored and writes nothing.
    /// </summary>
    public static async Task<Results<Ok<UserImportReport>, ErrorHttpResult>> Import(
        string? format, bool? dryRun, UserImport import, HttpContext http)
    {
        var given = format ?? (http.Request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true ? "csv" : "json");
        if (UserRecord.ParseFormat(given) is not { } chosen) return BadFormat();
        var result = await import.ImportAsync(http.Request.Body, chosen, dryRun ?? false, http.RequestAborted);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : new ErrorHttpResult(result.Error!);
    }

    private static ErrorHttpResult BadFormat() => new(AuthError.Validation("format", "The format is csv or json."));
}
