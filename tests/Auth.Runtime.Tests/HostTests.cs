using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Auth.Core.Operators;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests;

/// <summary>What the host serves besides the runtime: health, JWKS, OpenAPI, the landing page, first-run setup.</summary>
public sealed class HostTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Healthz_WithAReachableDatabase_IsHealthy()
    {
        using var client = fixture.CreateClient();
        var response = await ApiResponse.ReadAsync(await client.GetAsync("/healthz", TestContext.Current.CancellationToken));
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("healthy", response.Body!["status"]!.GetValue<string>());
        Assert.True(response.Body!["database"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Jwks_PublishesThePublicSigningKeyOnly()
    {
        using var client = fixture.CreateClient();
        var response = await ApiResponse.ReadAsync(await client.GetAsync("/.well-known/jwks.json", TestContext.Current.CancellationToken));
        var key = Assert.Single(response.Body!["keys"]!.AsArray())!.AsObject();
        Assert.Equal("EC", key["kty"]!.GetValue<string>());
        Assert.Equal("P-256", key["crv"]!.GetValue<string>());
        Assert.Equal("ES256", key["alg"]!.GetValue<string>());
        Assert.False(key.ContainsKey("d"));
    }

    [Fact]
    public async Task OpenApi_DescribesTheRuntime()
    {
        using var client = fixture.CreateClient();
        var json = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("/auth/signin-email", json);
        Assert.Contains("/auth/grant", json);
        Assert.Contains("/admin/api/settings/draft", json);
    }

    [Fact]
    public async Task LandingPage_IsServed()
    {
        using var client = fixture.CreateClient();
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("Auth Studio", html);
    }
}

/// <summary>A first start without Studio:Bootstrap: only the one-time setup code lets the first operator in.</summary>
public sealed class SetupCodeTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private AuthAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new AuthAppFactory(_database, new FakeTimeProvider(DateTimeOffset.UtcNow)) { BootstrapOperator = false };
        _ = _app.Server;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Setup_WithTheCode_CreatesTheFirstOperatorOnce()
    {
        using var client = _app.CreateClient();
        var operators = _app.Services.GetRequiredService<OperatorService>();
        Assert.False(await operators.AnyAsync(TestContext.Current.CancellationToken));
        var code = await operators.IssueSetupCodeAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(code);

        var wrong = await Post(client, new { code = "WRONG-CODE1", email = "first@example.com", password = "a long operator pw" });
        wrong.AssertError(HttpStatusCode.Unauthorized, "invalid_code");

        var weak = await Post(client, new { code, email = "first@example.com", password = "short" });
        Assert.Contains("password", weak.ValidationFields());

        var ok = await Post(client, new { code, email = "first@example.com", password = "a long operator pw" });
        ok.AssertStatus(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(ok.Body!["token"]!.GetValue<string>()));

        var again = await Post(client, new { code, email = "second@example.com", password = "a long operator pw" });
        again.AssertError(HttpStatusCode.Forbidden, "not_allowed");
    }

    private static async Task<ApiResponse> Post(HttpClient client, object body) =>
        await ApiResponse.ReadAsync(await client.PostAsJsonAsync("/admin/api/setup", body, TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>An unexpected failure answers 500 internal_server_error with nothing of the exception in it.</summary>
public sealed class UnexpectedFailureTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private readonly CommandCounter _commands = new();
    private AuthAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new AuthAppFactory(_database, new FakeTimeProvider(DateTimeOffset.UtcNow), _commands);
        _ = _app.Server;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SignIn_WhenTheDatabaseFails_Returns500EnvelopeWithoutDetails()
    {
        using var client = _app.CreateClient();
        _commands.Fail = true;
        var response = await ApiResponse.ReadAsync(await client.PostAsJsonAsync("/auth/signin-email",
            new { email = "someone@example.com", password = "whatever123" }, TestContext.Current.CancellationToken));
        _commands.Fail = false;

        response.AssertError(HttpStatusCode.InternalServerError, "internal_server_error");
        Assert.DoesNotContain("secret-detail-xyz", response.Raw);
        Assert.DoesNotContain("Exception", response.Raw);
        Assert.DoesNotContain(" at ", response.Raw);
    }

    [Fact]
    public async Task Healthz_WhenTheDatabaseFails_Is503()
    {
        using var client = _app.CreateClient();
        _commands.Fail = true;
        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        _commands.Fail = false;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("unhealthy", body!["status"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
