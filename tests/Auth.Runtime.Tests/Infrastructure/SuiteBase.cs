using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Auth.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Infrastructure;

/// <summary>
/// The base of every provider-independent suite: each test starts from freshly published settings
/// (defaults plus <see cref="Baseline"/>), on the database of its fixture.
/// </summary>
public abstract class SuiteBase(AppFixture fixture) : IAsyncLifetime
{
    public const string RedirectUrl = "http://localhost:3000/auth-redirect";
    public const string Password = "correct horse 1";

    protected AppFixture Fixture { get; } = fixture;
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>A merge patch over the default settings, published before each test.</summary>
    protected virtual object? Baseline => null;

    public virtual async ValueTask InitializeAsync()
    {
        if (Fixture.Database.SkipReason is { } reason) Assert.Skip(reason);
        Client = Fixture.CreateClient();
        await Fixture.PublishAsync(Baseline);
    }

    public virtual ValueTask DisposeAsync()
    {
        Client?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    protected async Task<ApiResponse> PostAsync(string path, object? body, string? session = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (session is not null) request.Headers.Add("Session", session);
        return await ApiResponse.ReadAsync(await Client.SendAsync(request, TestContext.Current.CancellationToken));
    }

    protected async Task<ApiResponse> GetAsync(string path, string? session = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (session is not null) request.Headers.Add("Session", session);
        return await ApiResponse.ReadAsync(await Client.SendAsync(request, TestContext.Current.CancellationToken));
    }

    protected async Task<ApiResponse> PostRawAsync(string path, string content, string mediaType = "application/json")
    {
        using var body = new StringContent(content, Encoding.UTF8, mediaType);
        return await ApiResponse.ReadAsync(await Client.PostAsync(path, body, TestContext.Current.CancellationToken));
    }

    /// <summary>Signs up with e-mail and returns the session token (confirmEmail must be off).</summary>
    protected async Task<(string Email, string Token, JsonObject User)> SignUpWithSessionAsync(string? email = null)
    {
        email ??= NewEmail();
        var response = await PostAsync("/auth/signup-email", new { email, password = Password, name = "Rooby", redirectURL = RedirectUrl });
        response.AssertStatus(HttpStatusCode.OK);
        return (email, response.Body!["session"]!["token"]!.GetValue<string>(), response.Body!["user"]!.AsObject());
    }

    /// <summary>A short-lived context on the fixture's database, for arranging and asserting state.</summary>
    protected AuthDbContext Db() =>
        Fixture.Factory.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();
}
