using System.Text.Json.Nodes;
using Auth.Core.Data;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Auth.Runtime.Endpoints;

/// <summary>JWKS for apps that verify session JWTs themselves, and the health check.</summary>
internal static class WellKnownEndpoints
{
    public static Ok<JsonObject> Jwks(DbSigningKeyStore keys, HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        var array = new JsonArray();
        foreach (var jwk in keys.PublicJwks) array.Add(JsonNode.Parse(jwk));
        return TypedResults.Ok(new JsonObject { ["keys"] = array });
    }

    /// <summary>
    /// 200 only when the database can take a write now (see <see cref="DatabaseHealth"/>); otherwise 503 with
    /// the reason, so a load balancer stops sending sign-ups to a node that would fail or lose them.
    /// </summary>
    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Health(
        DatabaseHealth database, ISettingsReader settings, HttpContext context, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        var problem = await database.ProblemAsync(ct);
        var body = new HealthResponse(problem is null ? "healthy" : "unhealthy", problem is null, settings.Current.Revision, problem);
        return problem is null ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public sealed record HealthResponse(string Status, bool Database, int SettingsRevision, string? Reason);
}
