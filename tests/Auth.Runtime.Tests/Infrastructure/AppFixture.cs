using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests.Infrastructure;

/// <summary>One app over one fresh database, shared by the tests of a class.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    private string? _operatorToken;
    private DateTimeOffset _operatorTokenAt;

    protected AppFixture(DatabaseTarget database) => Database = database;

    public DatabaseTarget Database { get; }
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Sees every SQL command the app issues (settings queries, inserts, simulated failures).</summary>
    public CommandCounter Commands { get; } = new();
    public AuthAppFactory Factory { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        if (Database.SkipReason is null)
        {
            Factory = new AuthAppFactory(Database, Time, Commands);
            _ = Factory.Server; // starts the host: migrations, keys, bootstrap operator
        }
        return ValueTask.CompletedTask;
    }

    public HttpClient CreateClient() => Factory.CreateClient();

    public async Task<HttpClient> CreateOperatorClientAsync()
    {
        var client = Factory.CreateClient();
        // Tests move the clock by days; an operator token lives 8 hours.
        if (_operatorToken is null || Time.GetUtcNow() - _operatorTokenAt > TimeSpan.FromHours(1))
        {
            _operatorToken = await SignInOperatorAsync(client);
            _operatorTokenAt = Time.GetUtcNow();
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _operatorToken);
        return client;
    }

    /// <summary>Replaces the draft with defaults merged with <paramref name="patch"/> and publishes it.</summary>
    public async Task PublishAsync(object? patch = null)
    {
        using var client = await CreateOperatorClientAsync();
        // Every test client shares one address and a fixture's tests share one database; the per-IP limit and
        // the SMS caps have their own tests.
        var defaults = Core.Settings.SettingsJson.ToJsonObject(new Core.Settings.AuthSettings
        {
            Security = { IpRequestsPerMinute = 100_000, SmsPerIpPerHour = 100_000, SmsPerNumberPerDay = 1000 },
            Sms = { MaxPerHour = 1_000_000 },
        });
        var merged = patch is null ? defaults : Core.Settings.JsonMergePatch.Apply(defaults, JsonSerializerHelper.ToNode(patch));
        (await ApiResponse.ReadAsync(await client.PutAsJsonAsync("/admin/api/settings/draft", merged))).AssertStatus(System.Net.HttpStatusCode.OK);
        (await ApiResponse.ReadAsync(await client.PostAsJsonAsync("/admin/api/settings/publish", new { note = "test" }))).AssertStatus(System.Net.HttpStatusCode.OK);
    }

    private static async Task<string> SignInOperatorAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/admin/api/token",
            new { email = AuthAppFactory.OperatorEmail, password = AuthAppFactory.OperatorPassword });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["token"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteAppFixture() : AppFixture(new SqliteTarget());

public sealed class SqlServerAppFixture() : AppFixture(new SqlServerTarget());
