using System.Text.Json.Nodes;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Hosting;

/// <summary>Publishes a settings patch straight through the host's own store, for tests that run their own host.</summary>
internal static class HostSettings
{
    public static async Task PublishAsync(this WebApplicationFactory<Program> app, string patchJson)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = app.Services.GetRequiredService<SettingsStore>();
        Assert.True((await store.PatchDraftAsync(JsonNode.Parse(patchJson), "test", ct)).IsSuccess);
        Assert.True((await store.PublishAsync("test", "test", ct)).IsSuccess);
        await app.Services.GetRequiredService<SettingsCache>().RefreshAsync(ct);
    }
}
