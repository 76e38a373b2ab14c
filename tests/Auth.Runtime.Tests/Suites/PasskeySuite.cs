using System.Net;
using System.Text.Json.Nodes;
using Auth.Runtime.Tests.Infrastructure;
using Auth.TestKit.Passkeys;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// Passkeys over HTTP on the real host, with a software authenticator producing real attestation and assertion bytes:
/// registration, sign-in by e-mail and discoverable, and every refusal (origin, RP id, replay, counter, disabled user).
/// </summary>
public abstract partial class PasskeySuite(AppFixture fixture) : SuiteBase(fixture)
{
    // The test host's Runtime:PublicBaseUrl is http://auth.test; the redirect URL's origin is the app's page.
    protected const string RpId = "auth.test";
    protected const string AppOrigin = "http://localhost:3000";

    protected override object? Baseline => new { email = new { confirmEmail = false }, passkeys = new { enabled = true } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_ThenSignInWithEmail_OpensSessionWithPasskeyAmr()
    {
        var (email, session, user) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();

        var passkey = await RegisterAsync(authenticator, session, "Laptop");
        Assert.Equal("Laptop", passkey["name"]!.GetValue<string>());

        var options = await SignInOptionsAsync(email);
        Assert.Equal(RpId, options["rpId"]!.GetValue<string>());
        var signIn = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(options, AppOrigin) });

        signIn.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(user["_id"]!.GetValue<string>(), signIn.Body!["user"]!["_id"]!.GetValue<string>());
        (await GetAsync("/auth/user", signIn.Body!["session"]!["token"]!.GetValue<string>())).AssertStatus(HttpStatusCode.OK);
        var userId = user["_id"]!.GetValue<string>();
        await using (var db = Db())
            Assert.Equal(["passkey", "pwd"], await db.Sessions.Where(s => s.UserId == userId).Select(s => s.Amr!).OrderBy(a => a).ToListAsync(Ct));
        var listed = Assert.Single((await GetAsync("/auth/passkeys", session)).Json!.AsArray());
        Assert.Equal(0, listed!["counterRegressions"]!.GetValue<int>());
        Assert.NotNull(listed["lastUsedAt"]);
    }

    [Fact]
    public async Task SignIn_DiscoverableWithoutEmail_OpensSessionForTheOwner()
    {
        var (_, session, user) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);

        var options = await SignInOptionsAsync(null);
        Assert.Empty(options["allowCredentials"]?.AsArray() ?? []);
        var signIn = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(options, AppOrigin) });

        signIn.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(user["_id"]!.GetValue<string>(), signIn.Body!["user"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_FromAnOriginNotAllowed_IsRefused()
    {
        var (_, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        var options = (await PostAsync("/auth/passkeys/register/options", new { }, session)).AssertStatus(HttpStatusCode.OK).Json!;

        var register = await PostAsync("/auth/passkeys/register", new { credential = authenticator.Create(options, "https://evil.example") }, session);

        register.AssertError(HttpStatusCode.Unauthorized, "invalid_passkey");
        Assert.Empty((await GetAsync("/auth/passkeys", session)).Json!.AsArray());
    }

    [Fact]
    public async Task SignIn_FromAnOriginNotAllowed_IsRefused()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);

        var signIn = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(await SignInOptionsAsync(email), "https://evil.example") });

        signIn.AssertError(HttpStatusCode.Unauthorized, "invalid_passkey");
    }

    [Fact]
    public async Task SignIn_WithAnotherRpIdHash_IsRefused()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);

        var signIn = await PostAsync("/auth/signin-passkey",
            new { credential = authenticator.Get(await SignInOptionsAsync(email), AppOrigin, rpId: "evil.example") });

        signIn.AssertError(HttpStatusCode.Unauthorized, "invalid_passkey");
    }

    [Fact]
    public async Task Register_WithAnotherRpIdHash_IsRefused()
    {
        var (_, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        var options = (await PostAsync("/auth/passkeys/register/options", new { }, session)).AssertStatus(HttpStatusCode.OK).Json!;

        var register = await PostAsync("/auth/passkeys/register", new { credential = authenticator.Create(options, AppOrigin, rpId: "evil.example") }, session);

        register.AssertError(HttpStatusCode.Unauthorized, "invalid_passkey");
    }

    [Fact]
    public async Task SignIn_ReplayedAssertion_IsRefusedAsASpentChallenge()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);
        var credential = authenticator.Get(await SignInOptionsAsync(email), AppOrigin);
        (await PostAsync("/auth/signin-passkey", new { credential })).AssertStatus(HttpStatusCode.OK);

        var replay = await PostAsync("/auth/signin-passkey", new { credential });

        replay.AssertError(HttpStatusCode.Unauthorized, "invalid_passkey_challenge");
    }

    [Fact]
    public async Task SignIn_CounterGoingBackwards_IsRefusedAndRecordedOnThePasskey()
    {
        var (email, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);
        authenticator.SignCount = 5;
        (await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(await SignInOptionsAsync(email), AppOrigin) }))
            .AssertStatus(HttpStatusCode.OK);

        // A clone of the authenticator still at an older counter value.
        authenticator.SignCount = 3;
        var signIn = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(await SignInOptionsAsync(email), AppOrigin) });

        signIn.AssertError(HttpStatusCode.Unauthorized, "passkey_counter_regressed");
        var passkey = Assert.Single((await GetAsync("/auth/passkeys", session)).Json!.AsArray())!;
        Assert.Equal(1, passkey["counterRegressions"]!.GetValue<int>());
        Assert.NotNull(passkey["counterRegressedAt"]);
    }

    [Fact]
    public async Task SignIn_DisabledUser_IsRefused()
    {
        var (email, session, user) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, session);
        var userId = user["_id"]!.GetValue<string>();
        await using (var db = Db())
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, true), Ct);

        var signIn = await PostAsync("/auth/signin-passkey", new { credential = authenticator.Get(await SignInOptionsAsync(email), AppOrigin) });

        signIn.AssertError(HttpStatusCode.Forbidden, "not_allowed");
        await using var check = Db();
        Assert.False(await check.Sessions.AnyAsync(s => s.UserId == userId && s.Amr == "passkey", Ct));
    }

    /// <summary>Registers <paramref name="authenticator"/> for the session's user and returns the passkey as listed.</summary>
    protected async Task<JsonNode> RegisterAsync(SoftwareAuthenticator authenticator, string session, string? name = null)
    {
        var options = (await PostAsync("/auth/passkeys/register/options", new { }, session)).AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal(RpId, options["rp"]!["id"]!.GetValue<string>());
        var register = await PostAsync("/auth/passkeys/register", new { credential = authenticator.Create(options, AppOrigin), name }, session);
        return register.AssertStatus(HttpStatusCode.OK).Json!;
    }

    protected async Task<JsonNode> SignInOptionsAsync(string? email) =>
        (await PostAsync("/auth/signin-passkey/options", new { email })).AssertStatus(HttpStatusCode.OK).Json!;

    protected async Task<ApiResponse> DeleteAsync(string path, string session, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body);
        request.Headers.Add("Session", session);
        return await ApiResponse.ReadAsync(await Client.SendAsync(request, Ct));
    }
}
