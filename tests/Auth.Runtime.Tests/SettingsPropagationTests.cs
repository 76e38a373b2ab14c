using System.Net;
using System.Net.Http.Json;
using Auth.Core.Settings;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests;

/// <summary>The runtime serves an in-memory snapshot: no settings query per request, new revisions noticed by every node.</summary>
public sealed class SettingsPropagationTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private readonly FakeTimeProvider _timeA = new(DateTimeOffset.UtcNow);
    private readonly FakeTimeProvider _timeB = new(DateTimeOffset.UtcNow);
    private readonly CommandCounter _counterB = new();
    private AuthAppFactory _nodeA = null!;
    private AuthAppFactory _nodeB = null!;

    public ValueTask InitializeAsync()
    {
        _nodeA = new AuthAppFactory(_database, _timeA);
        _ = _nodeA.Server;
        _nodeB = new AuthAppFactory(_database, _timeB, _counterB);
        _ = _nodeB.Server;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Publish_OnOneNode_IsServedByAnotherWithinOnePollInterval()
    {
        var readerB = _nodeB.Services.GetRequiredService<ISettingsReader>();
        var before = readerB.Current.Revision;
        var fixture = new NodeClient(_nodeA);
        await fixture.PublishAsync(new { app = new { name = "From node A" } });

        // Node B polls once a second of its own clock; one second later it must serve the new revision.
        _timeB.Advance(TimeSpan.FromSeconds(1));
        await Eventually.Until(() => readerB.Current.Revision != before, "node B to load the revision node A published");

        Assert.Equal("From node A", readerB.Current.Settings.App.Name);
    }

    [Fact]
    public async Task RuntimeRequests_IssueNoSettingsQuery()
    {
        using var client = _nodeB.CreateClient();
        var before = _counterB.SettingsQueries;

        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/auth/signin-email", new { email = $"nobody{i}@example.com", password = "whatever123" },
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        (await client.GetAsync("/auth/user", TestContext.Current.CancellationToken)).Dispose();

        Assert.Equal(before, _counterB.SettingsQueries);
    }

    public async ValueTask DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Publishes through node A's management API.</summary>
    private sealed class NodeClient(AuthAppFactory node)
    {
        public async Task PublishAsync(object patch)
        {
            using var client = node.CreateClient();
            var token = await client.PostAsJsonAsync("/admin/api/token", new { email = AuthAppFactory.OperatorEmail, password = AuthAppFactory.OperatorPassword });
            var body = await token.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            client.DefaultRequestHeaders.Authorization = new("Bearer", body!["token"]!.GetValue<string>());
            (await client.PatchAsync("/admin/api/settings/draft", JsonContent.Create(patch))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/admin/api/settings/publish", new { note = "from A" })).EnsureSuccessStatusCode();
        }
    }
}
