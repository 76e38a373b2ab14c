using System.Net;
using System.Net.Http.Json;
using Auth.Core.Data;
using Auth.Core.Messaging;
using Auth.Runtime.Tests.Hosting;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>
/// A routine stop (SIGTERM) while the dispatcher is in the middle of an SMTP conversation: the message is
/// finished, or its lease is handed back, never left "sending" for another node to re-send minutes later.
/// </summary>
public sealed class OutboxShutdownTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private SmtpTestServer _smtp = null!;
    private WebApplicationFactory<Program> _app = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _app = new AuthAppFactory(_database, new FakeTimeProvider(DateTimeOffset.UtcNow));
        _ = _app.Server;
        await _app.PublishAsync($$$"""{"smtp":{"host":"127.0.0.1","port":{{{_smtp.Port}}},"security":"None","fromEmail":"no-reply@auth.test"},"security":{"sendCooldownSeconds":0}}""");
    }

    [Fact]
    public async Task Stop_WhileTheSmtpServerStalls_FinishesTheMessageItIsSending()
    {
        var stall = _smtp.StallReplies();
        var email = await SignUpAsync();
        await stall.Reached.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var host = _app.Services.GetRequiredService<IHost>();
        var lifetime = _app.Services.GetRequiredService<IHostApplicationLifetime>();
        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stopping = host.StopAsync(shutdownTimeout.Token);
        await Eventually.Until(() => lifetime.ApplicationStopping.IsCancellationRequested, "the host to start stopping");
        stall.Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var row = await RowAsync(email);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Null(row.LeaseOwner);
        Assert.Single(_smtp.To(email));
    }

    [Fact]
    public async Task Stop_WhenTheShutdownTimeoutEndsBeforeTheServerAnswers_HandsTheLeaseBack()
    {
        var stall = _smtp.StallReplies();
        var email = await SignUpAsync();
        await stall.Reached.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The host's shutdown timeout has already run out: nothing may be waited for.
        await _app.Services.GetRequiredService<IHost>().StopAsync(new CancellationToken(canceled: true))
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        stall.Release();

        var row = await RowAsync(email);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.LeaseUntil);
        Assert.Equal(0, row.Attempts);
    }

    private async Task<string> SignUpAsync()
    {
        var email = $"stop-{Guid.NewGuid():N}@example.com";
        using var client = _app.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/signup-email",
            new { email, password = "correct horse 1", redirectURL = SuiteBase.RedirectUrl }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return email;
    }

    private async Task<Core.Data.Entities.OutboxMessage> RowAsync(string email)
    {
        // A context of its own: the host's services are stopped.
        await using var db = new AuthDbContextFactory(_database.Options).CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == email, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _smtp.Stalling?.Release();
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }
}
