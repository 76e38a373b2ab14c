using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Auth.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests;

/// <summary>
/// Two nodes on one SQLite database (ADR 0010): a session ended on node A is refused by node B, which had it cached,
/// once one second of B's clock has passed, and not a request later.
/// </summary>
public sealed class SessionRevocationAcrossNodesTests : IAsyncLifetime
{
    private const string Password = "correct horse 1";
    private readonly SqliteTarget _database = new();
    private readonly FakeTimeProvider _timeA = new(DateTimeOffset.UtcNow);
    private readonly FakeTimeProvider _timeB = new(DateTimeOffset.UtcNow);
    private AuthAppFactory _nodeA = null!;
    private AuthAppFactory _nodeB = null!;
    private HttpClient _clientA = null!;
    private HttpClient _clientB = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _nodeA = new AuthAppFactory(_database, _timeA);
        _ = _nodeA.Server;
        _nodeB = new AuthAppFactory(_database, _timeB);
        _ = _nodeB.Server;
        _clientA = _nodeA.CreateClient();
        _clientB = _nodeB.CreateClient();
        await PublishOnAAsync();
    }

    [Fact]
    public async Task SignOut_OnNodeA_IsRefusedByNodeBWithinOneSecond()
    {
        var (token, _) = await SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, await ReadUserAsync(_clientB, token));

        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/signout"))
        {
            signOut.Headers.Add("Session", token);
            (await _clientA.SendAsync(signOut, Ct)).EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadUserAsync(_clientA, token));
        // B's cached row is younger than a second of B's clock: the bound allows B to serve it until then.
        Assert.Equal(HttpStatusCode.OK, await ReadUserAsync(_clientB, token));
        _timeB.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadUserAsync(_clientB, token));
    }

    [Fact]
    public async Task DisableUser_OnNodeA_IsRefusedByNodeBWithinOneSecond()
    {
        var (token, userId) = await SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, await ReadUserAsync(_clientB, token));

        Assert.True((await _nodeA.Services.GetRequiredService<UserAdministration>().SetDisabledAsync(userId, true, Ct)).IsSuccess);

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadUserAsync(_clientA, token));
        _timeB.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadUserAsync(_clientB, token));
    }

    private static async Task<HttpStatusCode> ReadUserAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/user");
        request.Headers.Add("Session", token);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private async Task<(string Token, string UserId)> SignUpAsync()
    {
        var response = await _clientA.PostAsJsonAsync("/auth/signup-email",
            new { email = $"node-{Guid.NewGuid():N}@example.com", password = Password }, Ct);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return (body["session"]!["token"]!.GetValue<string>(), body["user"]!["_id"]!.GetValue<string>());
    }

    /// <summary>No e-mail confirmation, published on A; B polls it within a second of its clock.</summary>
    private async Task PublishOnAAsync()
    {
        using var client = _nodeA.CreateClient();
        var token = await client.PostAsJsonAsync("/admin/api/token", new { email = AuthAppFactory.OperatorEmail, password = AuthAppFactory.OperatorPassword }, Ct);
        var body = await token.Content.ReadFromJsonAsync<JsonObject>(Ct);
        client.DefaultRequestHeaders.Authorization = new("Bearer", body!["token"]!.GetValue<string>());
        (await client.PatchAsync("/admin/api/settings/draft", JsonContent.Create(new { email = new { confirmEmail = false } }), Ct)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/admin/api/settings/publish", new { note = "test" }, Ct)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _clientA.Dispose();
        _clientB.Dispose();
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _database.DisposeAsync();
    }
}
