using System.Text.Json.Nodes;
using Auth.Core.Data;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Endpoints;

/// <summary>JWKS for apps that verify session JWTs themselves, and the health check.</summary>
internal static class WellKnownEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/jwks.json", Jwks).WithName("jwks");
        endpoints.MapGet("/healthz", Health).WithName("health");
    }

    public static Ok<JsonObject> Jwks(DbSigningKeyStore keys, HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        var array = new JsonArray();
        foreach (var jwk in keys.PublicJwks) array.Add(JsonNode.Parse(jwk));
        return TypedResults.Ok(new JsonObject { ["keys"] = array });
    }

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Health(
        IDbContextFactory<AuthDbContext> dbFactory, ISettingsReader settings, CancellationToken ct)
    {
        bool database;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // A real round trip: CanConnect alone passes for a SQLite file that cannot be queried.
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
            database = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            database = false;
        }

        var body = new HealthResponse(database ? "healthy" : "unhealthy", database, settings.Current.Revision);
        return database ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public sealed record HealthResponse(string Status, bool Database, int SettingsRevision);
}
