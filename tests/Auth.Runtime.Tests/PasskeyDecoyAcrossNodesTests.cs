using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests;

/// <summary>
/// The decoy credential id an unknown e-mail gets from signin-passkey/options (ADR 0015) is the same on every node over
/// one database and key ring, and after a restart: a changing id would tell an unknown address from a real account.
/// </summary>
public sealed class PasskeyDecoyAcrossNodesTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private readonly List<AuthAppFactory> _nodes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var first = Start();
        await EnablePasskeysAsync(first);
    }

    [Fact]
    public async Task SignInOptions_UnknownEmail_SameDecoyOnTwoNodesAndAfterARestart_AnotherForAnotherEmail()
    {
        const string unknown = "nobody-here@example.com";
        var onA = await DecoyAsync(_nodes[0], unknown);
        var onB = await DecoyAsync(Start(), unknown);
        await _nodes[0].DisposeAsync();
        _nodes.RemoveAt(0);
        var afterRestart = await DecoyAsync(Start(), unknown);

        Assert.Equal(onA, onB);
        Assert.Equal(onA, afterRestart);
        Assert.Equal(onA, await DecoyAsync(_nodes[0], " Nobody-Here@Example.com "));
        Assert.NotEqual(onA, await DecoyAsync(_nodes[0], "somebody-else@example.com"));
    }

    // Started after the settings were published, each node reads them at start-up.
    private AuthAppFactory Start()
    {
        var node = new AuthAppFactory(_database, new FakeTimeProvider(DateTimeOffset.UtcNow));
        _ = node.Server;
        _nodes.Add(node);
        return node;
    }

    private static async Task<string> DecoyAsync(AuthAppFactory node, string email)
    {
        using var client = node.CreateClient();
        var response = await client.PostAsJsonAsync("/auth/signin-passkey/options", new { email }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        return Assert.Single(body!["allowCredentials"]!.AsArray())!["id"]!.GetValue<string>();
    }

    private static async Task EnablePasskeysAsync(AuthAppFactory node)
    {
        using var client = node.CreateClient();
        var token = await client.PostAsJsonAsync("/admin/api/token", new { email = AuthAppFactory.OperatorEmail, password = AuthAppFactory.OperatorPassword }, Ct);
        var body = await token.Content.ReadFromJsonAsync<JsonObject>(Ct);
        client.DefaultRequestHeaders.Authorization = new("Bearer", body!["token"]!.GetValue<string>());
        (await client.PatchAsync("/admin/api/settings/draft", JsonContent.Create(new { passkeys = new { enabled = true } }), Ct)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/admin/api/settings/publish", new { note = "test" }, Ct)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _database.DisposeAsync();
    }
}
