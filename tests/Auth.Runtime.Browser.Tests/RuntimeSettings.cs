using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Core.Settings;

namespace Auth.Runtime.Browser.Tests;

/// <summary>Publishes settings the way an operator's script would: a token, the defaults merged with a patch as the draft, then publish.</summary>
internal static class RuntimeSettings
{
    public static async Task PublishAsync(string runtimeUrl, object patch, string note)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = new Uri(runtimeUrl) };
        var token = await client.PostAsJsonAsync("/admin/api/token",
            new { email = AuthAppFactory.OperatorEmail, password = AuthAppFactory.OperatorPassword }, ct);
        token.EnsureSuccessStatusCode();
        var bearer = (await token.Content.ReadFromJsonAsync<JsonObject>(ct))!["token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var merged = JsonMergePatch.Apply(SettingsJson.ToJsonObject(new AuthSettings()), JsonSerializer.SerializeToNode(patch, JsonSerializerOptions.Web));
        (await client.PutAsJsonAsync("/admin/api/settings/draft", merged, ct)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/admin/api/settings/publish", new { note }, ct)).EnsureSuccessStatusCode();
    }
}
