using System.Net;
using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.E2E.Infrastructure;

namespace Studio.E2E;

/// <summary>
/// An operator's click in a live circuit, in a real browser, is recorded with the IP and user agent of that browser. Over
/// WebSockets the hub's request is still at hand during the click; <c>CircuitClientTests</c> covers a click without one.
/// </summary>
public sealed class OperatorActivityClientTests : IAsyncLifetime
{
    private const string Email = "owner@example.test";
    private const string Password = "the owner password";
    private StudioApp _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = StudioApp.Start();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task DisableUserInChromium_RecordsTheBrowsersIpAndUserAgent_WithTheOperatorAsActor()
    {
        await OperatorSignIn.CreateOperatorAsync(_app, Email, Password);
        var userId = await AddUserAsync("ada@example.test");
        await using var browser = await BrowserSession.StartAsync();
        var agent = await browser.Page.EvaluateAsync<string>("navigator.userAgent");

        await OperatorSignIn.SignInAsync(browser, _app, Email, Password, $"/users/{userId}");
        await browser.Page.ClickAsync("[data-test=toggle-disabled]");
        await browser.Page.ClickAsync(".mud-dialog button:has-text('Disable')");

        var factory = _app.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>();
        ActivityEvent? disabled = null;
        await Eventually.Until(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            disabled = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId && e.Type == EventTypes.UserDisabled);
            return disabled is not null;
        }, "the studio to record the disable");

        Assert.Equal(ActorTypes.Operator, disabled!.ActorType);
        Assert.Equal(agent, disabled.UserAgent);
        Assert.True(IPAddress.TryParse(disabled.Ip, out var ip) && IPAddress.IsLoopback(ip), $"ip {disabled.Ip}");
    }

    private async Task<string> AddUserAsync(string email)
    {
        var time = _app.Services.GetRequiredService<TimeProvider>();
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync();
        var id = UserId.New(time);
        db.Users.Add(new User
        {
            Id = id, Provider = User.LocalProvider, ProviderUserId = id, Email = email,
            NormalizedEmail = EmailAddress.Normalize(email).Value.Normalized, SignUpAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        return id;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
