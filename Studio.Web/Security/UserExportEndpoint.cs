using System.Security.Claims;
using Auth.Core.Activity;
using Auth.Core.Users.Transfer;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Studio.Web.Security;

/// <summary>
/// The studio's user download (ADR 0020): the same streamed export as <c>GET /admin/api/users/export</c>, behind the
/// operator cookie and the Owner policy, so a browser download needs no API token.
/// </summary>
internal static class UserExportEndpoint
{
    public const string Path = "/users/transfer/export";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, Export).RequireAuthorization(StudioPolicies.Owner);

    public static Results<PushStreamHttpResult, BadRequest> Export(string? format, UserExport export, TimeProvider time, HttpContext context)
    {
        if (UserRecord.ParseFormat(format ?? "csv") is not { } chosen) return TypedResults.BadRequest();
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        Actor? actor = id is null ? null : Actor.Operator(id);
        var name = $"users-{time.GetUtcNow():yyyyMMdd-HHmmss}.{chosen.ToString().ToLowerInvariant()}";
        var contentType = chosen == UserFileFormat.Csv ? "text/csv; charset=utf-8" : "application/json";
        return TypedResults.Stream(stream => export.WriteAsync(stream, chosen, actor, context.RequestAborted), contentType, name);
    }
}
