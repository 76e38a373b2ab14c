using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Auth.Runtime.Messaging;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>
/// Suites that send real messages: a loopback SMTP server per test, a browser-like client that does not
/// follow redirects, and helpers to read mail, follow links and inspect the outbox.
/// </summary>
public abstract partial class MessagingSuiteBase(AppFixture fixture) : SuiteBase(fixture)
{
    protected SmtpTestServer Smtp { get; private set; } = null!;

    /// <summary>A client that stops at redirects, as a test of the verify step needs.</summary>
    protected HttpClient Browser { get; private set; } = null!;

    protected IServiceProvider Services => Fixture.Factory.Services;

    protected OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    protected object SmtpPatch => new { host = "127.0.0.1", port = Smtp.Port, security = "None", fromEmail = "no-reply@auth.test", fromName = "Auth Test" };

    /// <summary>SMTP pointing at the test server; the cooldown off unless a test turns it on.</summary>
    protected override object? Baseline => new { smtp = SmtpPatch, security = new { sendCooldownSeconds = 0 } };

    public override async ValueTask InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        if (Fixture.Database.SkipReason is null)
            Browser = Fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }

    protected Task<ReceivedMail> MailAsync(string to) => Smtp.WaitForAsync(to, () => Dispatcher.DispatchOnceAsync());

    /// <summary>The verify link of a mail, from its plain-text part (the HTML part carries the same one).</summary>
    protected static string LinkIn(ReceivedMail mail)
    {
        var match = VerifyLink().Match(mail.Message.TextBody ?? "");
        Assert.True(match.Success, "No verify link in: " + mail.Message.TextBody);
        return match.Value;
    }

    protected async Task<HttpResponseMessage> VisitAsync(string link) =>
        await Browser.GetAsync(new Uri(link).PathAndQuery, TestContext.Current.CancellationToken);

    /// <summary>Follows the link and asserts the 303 to the redirect URL; returns its query.</summary>
    protected async Task<Dictionary<string, string>> FollowAsync(string link)
    {
        using var response = await VisitAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUrl + "?", location.ToString(), StringComparison.Ordinal);
        return Query(location);
    }

    protected static Dictionary<string, string> Query(Uri location) =>
        location.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));

    /// <summary>Signs up with e-mail (confirmEmail on), follows the confirmation mail, and returns the verified account.</summary>
    protected async Task<string> SignUpVerifiedAsync(string? email = null, string name = "Rooby")
    {
        email ??= NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, name, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var query = await FollowAsync(LinkIn(await MailAsync(email)));
        Assert.Equal("200", query["status"]);
        return email;
    }

    /// <summary>The operator view of the outbox for one recipient.</summary>
    protected async Task<JsonArray> MessagesAsync(string to)
    {
        using var client = await Fixture.CreateOperatorClientAsync();
        var response = await ApiResponse.ReadAsync(await client.GetAsync($"/admin/api/messages?to={Uri.EscapeDataString(to)}", TestContext.Current.CancellationToken));
        response.AssertStatus(HttpStatusCode.OK);
        return response.Json!.AsArray();
    }

    protected async Task<ApiResponse> OperatorPostAsync(string path, object body)
    {
        using var client = await Fixture.CreateOperatorClientAsync();
        return await ApiResponse.ReadAsync(await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken));
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Dispatches until <paramref name="count"/> mails to <paramref name="email"/> arrived.</summary>
    protected Task WaitForCountAsync(string email, int count) =>
        Eventually.Until(async () =>
        {
            if (Smtp.To(email).Count >= count) return true;
            await Dispatcher.DispatchOnceAsync(Ct);
            return Smtp.To(email).Count >= count;
        }, () => $"{count} mails to {email}; got {Smtp.To(email).Count}");

    [GeneratedRegex(@"http://auth\.test/auth/verify\?key=[0-9a-f]+&action=[a-z-]+")]
    private static partial Regex VerifyLink();
}
