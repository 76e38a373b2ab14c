using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using OtpNet;

namespace Auth.Runtime.Browser.Tests;

/// <summary>
/// The browser client's second-factor methods in Debian's Chromium against a real Kestrel runtime: the sample app
/// (another origin) enrols an authenticator, signs in again, gets mfa_required with details.mfaToken and verifies
/// with a code made the way an app makes it (Otp.NET, on the runtime's clock).
/// </summary>
public sealed class MfaBrowserTests : IAsyncLifetime
{
    private const string Password = "correct horse 1";
    private readonly SqliteTarget _database = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AuthAppFactory _runtime = null!;
    private SampleApp _sample = null!;
    private string _runtimeUrl = "";

    public async ValueTask InitializeAsync()
    {
        var port = 0;
        _runtime = await LoopbackPort.StartAsync(
            p =>
            {
                port = p;
                return new AuthAppFactory(_database, _time) { PublicBaseUrl = $"http://localhost:{p}" };
            },
            runtime =>
            {
                runtime.UseKestrel(port);
                runtime.StartServer();
            });
        _runtimeUrl = $"http://localhost:{port}";
        _sample = await SampleApp.StartAsync(_runtimeUrl);
        await PublishAsync(new
        {
            redirectURLs = new[] { _sample.RedirectUrl, _sample.Origin + "/" },
            email = new { confirmEmail = false },
            mfa = new { enabled = true },
        });
    }

    [Fact]
    public async Task ClientJs_SignInWithTotp_MfaRequiredThenVerifyOpensTheSession()
    {
        var email = $"mfa-browser-{Guid.NewGuid():N}@example.com";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_sample.Origin + "/");
        await Assertions.Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        var signUp = await Js(page, "async ([e, p]) => { const r = await window.authClient.auth.signUpWithEmail(e, p, 'Totp Rooby'); return r.errors ? r.errors[0].code : 'ok'; }", new[] { email, Password });
        Assert.Equal("\"ok\"", signUp);

        // Enrol through the client: the secret goes to "the app" (Otp.NET here), its code confirms.
        var enrollment = JsonNode.Parse(await Js(page, "async () => (await window.authClient.auth.mfa.enrollTotp()).enrollment"))!;
        var secret = Base32Encoding.ToBytes(enrollment["secret"]!.GetValue<string>());
        var confirmed = JsonNode.Parse(await Js(page, "async ([id, code]) => await window.authClient.auth.mfa.confirmTotp(id, code)",
            new[] { enrollment["factorId"]!.GetValue<string>(), Code(secret) }))!;
        Assert.Null(confirmed["errors"]);
        Assert.Equal(10, confirmed["recoveryCodes"]!.AsArray().Count);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("\"ok\"", await Js(page, "async () => (await window.authClient.auth.signOut()).errors ? 'failed' : 'ok'"));

        var signIn = JsonNode.Parse(await Js(page, "async ([e, p]) => await window.authClient.auth.signInWithEmail(e, p)", new[] { email, Password }))!;

        Assert.Null(signIn["session"]);
        Assert.Equal("mfa_required", signIn["errors"]![0]!["code"]!.GetValue<string>());
        var mfaToken = signIn["errors"]![0]!["details"]!["mfaToken"]!.GetValue<string>();
        var verified = JsonNode.Parse(await Js(page, "async ([t, code]) => await window.authClient.auth.mfa.verify(t, { code })", new[] { mfaToken, Code(secret) }))!;
        Assert.Null(verified["errors"]);
        Assert.Equal("Totp Rooby", verified["user"]!["name"]!.GetValue<string>());
        Assert.Equal(["pwd", "totp"], verified["session"]!["amr"]!.AsArray().Select(a => a!.GetValue<string>()));
        // The client kept the new session: the caller's own calls work with it.
        var factors = JsonNode.Parse(await Js(page, "async () => await window.authClient.auth.mfa.listFactors()"))!;
        Assert.Equal("totp", Assert.Single(factors["factors"]!.AsArray())!["type"]!.GetValue<string>());
        _time.Advance(TimeSpan.FromSeconds(30));
        var regenerated = JsonNode.Parse(await Js(page, "async (code) => await window.authClient.auth.mfa.regenerateRecoveryCodes({ code })", Code(secret)))!;
        Assert.Equal(10, regenerated["recoveryCodes"]!.AsArray().Count);
        var removed = await Js(page, "async ([id, p]) => (await window.authClient.auth.mfa.removeFactor(id, { password: p })).errors",
            new[] { enrollment["factorId"]!.GetValue<string>(), Password });
        Assert.Equal("null", removed);
        var again = JsonNode.Parse(await Js(page, "async ([e, p]) => await window.authClient.auth.signInWithEmail(e, p)", new[] { email, Password }))!;
        Assert.Null(again["errors"]);
    }

    private string Code(byte[] secret) => new Totp(secret).ComputeTotp(_time.GetUtcNow().UtcDateTime);

    // Results cross as JSON text, so undefined and null stay apart from C#'s point of view only where it matters.
    private static Task<string> Js(IPage page, string function, object? arg = null) =>
        page.EvaluateAsync<string>($"async (a) => JSON.stringify(await ({function})(a))", arg);

    private Task PublishAsync(object patch) => RuntimeSettings.PublishAsync(_runtimeUrl, patch, "browser test");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_sample is not null) await _sample.DisposeAsync();
        await _runtime.DisposeAsync();
        await _database.DisposeAsync();
    }
}
