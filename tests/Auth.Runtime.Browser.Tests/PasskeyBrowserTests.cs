using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Auth.Runtime.Browser.Tests;

/// <summary>
/// Passkeys end to end in Chromium with its virtual authenticator (CDP WebAuthn domain): the sample app, served on
/// localhost (an IP address cannot be an RP id), registers a passkey through client.js and signs in with it.
/// The RP id is the run-time default (the host of PublicBaseUrl); passkeys.origins names the sample app only, so a
/// second sample app on another localhost port (a redirect URL, so CORS lets it call) is a page whose assertions the
/// server must refuse.
/// </summary>
public sealed class PasskeyBrowserTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AuthAppFactory _runtime = null!;
    private SampleApp _sample = null!;
    private SampleApp _otherSample = null!;
    private string _runtimeUrl = "";
    private string _appOrigin = "";
    private string _otherOrigin = "";

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
        _appOrigin = _sample.Origin.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        _otherSample = await SampleApp.StartAsync(_runtimeUrl);
        _otherOrigin = _otherSample.Origin.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await PublishAsync(new
        {
            redirectURLs = new[] { _appOrigin + "/auth-redirect", _otherOrigin + "/auth-redirect" },
            email = new { confirmEmail = false },
            passkeys = new { enabled = true, userVerification = "required", origins = new[] { _appOrigin } },
        });
    }

    [Fact]
    public async Task SampleApp_RegisterThenSignInWithPasskey_WithChromiumsVirtualAuthenticator()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        await page.GotoAsync(_appOrigin + "/");
        await Assertions.Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        var email = $"passkey-{Guid.NewGuid():N}@example.com";

        var registered = await page.EvaluateAsync<string>("""
            async ([email, redirect]) => {
              const auth = window.authClient.auth;
              const up = await auth.signUpWithEmail(email, "correct horse 1", "Key Rooby", undefined, redirect);
              if (up.errors) return "signup: " + up.errors[0].code;
              const made = await auth.passkeys.register("Virtual key");
              if (made.errors) return "register: " + made.errors[0].code + " " + made.errors[0].message;
              const listed = await auth.passkeys.list();
              return up.user._id + " " + listed.passkeys.map(p => p.name).join(",");
            }
            """, new[] { email, _appOrigin + "/auth-redirect" });
        var userId = registered.Split(' ')[0];
        Assert.Matches("^[0-9a-f]{24} Virtual key$", registered);

        // Signed out, the page has no session: the sign-in below is the passkey's alone.
        var signedOut = await page.EvaluateAsync<string>("""
            async () => {
              const auth = window.authClient.auth;
              const out = await auth.signOut();
              if (out.errors) return "signout: " + out.errors[0].code;
              const me = await auth.getUser();
              return me.errors ? "no session: " + me.errors[0].code : "still signed in as " + me.user._id;
            }
            """);
        Assert.StartsWith("no session: ", signedOut, StringComparison.Ordinal);

        var signedIn = await page.EvaluateAsync<string>("""
            async () => {
              const auth = window.authClient.auth;
              const result = await auth.signInWithPasskey();
              if (result.errors) return "signin: " + result.errors[0].code + " " + result.errors[0].message;
              const me = await auth.getUser();
              return me.errors ? "getUser: " + me.errors[0].code : me.user._id;
            }
            """);

        Assert.Equal(userId, signedIn);

        // The same tab (and virtual authenticator) on another localhost origin: the browser signs for the RP id
        // "localhost", the server refuses the origin it did not publish.
        await page.GotoAsync(_otherOrigin + "/");
        await Assertions.Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        var wrongOrigin = await page.EvaluateAsync<string>("""
            async () => {
              const result = await window.authClient.auth.signInWithPasskey();
              return result.errors ? result.errors[0].code : "signed in as " + result.user._id;
            }
            """);

        Assert.Equal("invalid_passkey", wrongOrigin);
    }

    private Task PublishAsync(object patch) => RuntimeSettings.PublishAsync(_runtimeUrl, patch, "passkey browser test");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_sample is not null) await _sample.DisposeAsync();
        if (_otherSample is not null) await _otherSample.DisposeAsync();
        await _runtime.DisposeAsync();
        await _database.DisposeAsync();
    }
}
