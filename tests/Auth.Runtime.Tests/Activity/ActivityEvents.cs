using System.Net;
using System.Text.Json.Nodes;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Activity;

/// <summary>Reads the activity log the way operators do, through <c>GET /admin/api/events</c>.</summary>
public static class ActivityEvents
{
    public static async Task<List<JsonObject>> ReadAsync(AppFixture fixture, string query)
    {
        using var admin = await fixture.CreateOperatorClientAsync();
        var response = await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/events?{query}", TestContext.Current.CancellationToken));
        response.AssertStatus(HttpStatusCode.OK);
        return response.Body!["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    public static string Type(JsonObject e) => e["type"]!.GetValue<string>();

    public static string? Detail(JsonObject e, string field) => e["detail"]?[field]?.GetValue<string>();

    /// <summary>No credential the test used appears anywhere in an event.</summary>
    public static void AssertNoSecret(IEnumerable<JsonObject> events, params string?[] secrets)
    {
        foreach (var e in events)
        {
            var text = e.ToJsonString();
            foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
                Assert.DoesNotContain(secret!.TrimStart('?'), text, StringComparison.Ordinal);
        }
    }
}
