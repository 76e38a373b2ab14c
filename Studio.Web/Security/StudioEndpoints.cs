using System.Text;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Studio.Web.Security;

/// <summary>The studio's two plain HTTP endpoints: sign-out (a form post) and the settings download.</summary>
internal static class StudioEndpoints
{
    public const string ExportPath = "/settings/versions/export";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Taking a form field makes the antiforgery middleware check the token.
        endpoints.MapPost(StudioAuth.SignOutPath, SignOut);
        endpoints.MapGet(ExportPath, Export).RequireAuthorization(StudioPolicies.Owner);
        UserExportEndpoint.Map(endpoints);
    }

    public static async Task<RedirectHttpResult> SignOut(HttpContext context, [FromForm(Name = "reason")] string? reason)
    {
        await context.SignOutAsync(StudioAuth.Scheme);
        return TypedResults.LocalRedirect(reason == "removed" ? StudioAuth.SignInPath + "?removed=1" : StudioAuth.SignInPath);
    }

    public static async Task<FileContentHttpResult> Export(SettingsStore store, TimeProvider time, CancellationToken ct)
    {
        var json = (await store.ExportAsync(ct)).ToJsonString(new System.Text.Json.JsonSerializerOptions(SettingsJson.Options) { WriteIndented = true });
        var name = $"auth-settings-{time.GetUtcNow():yyyyMMdd-HHmmss}.json";
        return TypedResults.File(Encoding.UTF8.GetBytes(json), "application/json", name);
    }
}
