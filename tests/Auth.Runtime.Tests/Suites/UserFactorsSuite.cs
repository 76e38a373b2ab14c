using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Auth.Core.Activity;
using Auth.Core.Sessions;
using Auth.Runtime.Tests.Infrastructure;
using Auth.TestKit.Passkeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// The leftovers of issue 11 on the real host: passkey removal with proof, an operator's view and removal of a user's
/// passkeys, the recorded MFA reset, the amr a confirmed factor adds (atomically, and in a re-issued JWT).
/// </summary>
public abstract class UserFactorsSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private const string AppOrigin = "http://localhost:3000";

    protected override object? Baseline => new
    {
        email = new { confirmEmail = false },
        mfa = new { enabled = true },
        passkeys = new { enabled = true },
        security = new { lockoutThreshold = 5, lockoutMinutes = 15 },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RemovePasskey_WithoutProofOrWithAWrongPassword_IsRefusedAndKeepsIt()
    {
        var (_, session, _) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        var id = await RegisterAsync(authenticator, session);

        (await DeleteAsync($"/auth/passkeys/{id}", session, null)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        (await DeleteAsync($"/auth/passkeys/{id}", session, new { })).AssertError(HttpStatusCode.BadRequest, "validation_error");
        (await DeleteAsync($"/auth/passkeys/{id}", session, new { password = "not the password" }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await DeleteAsync($"/auth/passkeys/{id}", session, new { code = "123456" })).AssertError(HttpStatusCode.Unauthorized, "invalid_mfa_code");

        Assert.Single((await GetAsync("/auth/passkeys", session)).Json!.AsArray());
    }

    [Fact]
    public async Task RemovePasskey_WithThePassword_RemovesItAndRecordsTheUsersEvent()
    {
        var (_, session, user) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        var id = await RegisterAsync(authenticator, session);

        (await DeleteAsync($"/auth/passkeys/{id}", session, new { password = Password })).AssertStatus(HttpStatusCode.OK);

        Assert.Empty((await GetAsync("/auth/passkeys", session)).Json!.AsArray());
        var removed = Assert.Single(await EventsAsync(user["_id"]!.GetValue<string>(), EventTypes.PasskeyRemoved));
        Assert.Equal(ActorTypes.User, removed.ActorType);
    }

    [Fact]
    public async Task RemovePasskey_WithACurrentAuthenticatorCode_RemovesIt()
    {
        var (_, session, _) = await SignUpWithSessionAsync();
        var (secret, _) = await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);
        using var authenticator = new SoftwareAuthenticator();
        var id = await RegisterAsync(authenticator, session);

        (await DeleteAsync($"/auth/passkeys/{id}", session, new { code = MfaSteps.Code(secret, Fixture.Time) })).AssertStatus(HttpStatusCode.OK);

        Assert.Empty((await GetAsync("/auth/passkeys", session)).Json!.AsArray());
    }

    [Fact]
    public async Task AdminPasskeys_ListedThenRemoved_RecordsTheOperatorAsActor()
    {
        var (_, session, user) = await SignUpWithSessionAsync();
        var userId = user["_id"]!.GetValue<string>();
        using var authenticator = new SoftwareAuthenticator();
        var id = await RegisterAsync(authenticator, session, "Work laptop");
        using var admin = await Fixture.CreateOperatorClientAsync();

        var listed = Assert.Single((await ReadAsync(admin.GetAsync($"/admin/api/users/{userId}/passkeys", Ct))).AssertStatus(HttpStatusCode.OK).Json!.AsArray())!;
        Assert.Equal(("Work laptop", 0), (listed["name"]!.GetValue<string>(), listed["counterRegressions"]!.GetValue<int>()));

        (await ReadAsync(admin.DeleteAsync($"/admin/api/users/{userId}/passkeys/{id}", Ct))).AssertStatus(HttpStatusCode.OK);
        (await ReadAsync(admin.DeleteAsync($"/admin/api/users/{userId}/passkeys/{id}", Ct))).AssertError(HttpStatusCode.NotFound, "passkey_not_found");

        Assert.Empty((await ReadAsync(admin.GetAsync($"/admin/api/users/{userId}/passkeys", Ct))).Json!.AsArray());
        var removed = Assert.Single(await EventsAsync(userId, EventTypes.PasskeyRemoved));
        Assert.Equal(ActorTypes.Operator, removed.ActorType);
        (await ReadAsync(admin.GetAsync($"/admin/api/users/{new string('0', 24)}/passkeys", Ct))).AssertError(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task AdminPasskeyRemoval_OfAnotherUsersPasskey_IsNotFoundAndKeepsIt()
    {
        var (_, session, _) = await SignUpWithSessionAsync();
        var (_, _, stranger) = await SignUpWithSessionAsync();
        using var authenticator = new SoftwareAuthenticator();
        var id = await RegisterAsync(authenticator, session);
        using var admin = await Fixture.CreateOperatorClientAsync();

        (await ReadAsync(admin.DeleteAsync($"/admin/api/users/{stranger["_id"]!.GetValue<string>()}/passkeys/{id}", Ct)))
            .AssertError(HttpStatusCode.NotFound, "passkey_not_found");

        Assert.Single((await GetAsync("/auth/passkeys", session)).Json!.AsArray());
    }

    [Fact]
    public async Task AdminMfaReset_IsRecordedWithTheSessionsEnded()
    {
        var (_, session, user) = await SignUpWithSessionAsync();
        var userId = user["_id"]!.GetValue<string>();
        await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);
        using var admin = await Fixture.CreateOperatorClientAsync();

        (await ReadAsync(admin.DeleteAsync($"/admin/api/users/{userId}/mfa", Ct))).AssertStatus(HttpStatusCode.OK);

        var reset = Assert.Single(await EventsAsync(userId, EventTypes.MfaReset));
        Assert.Equal(ActorTypes.Operator, reset.ActorType);
        Assert.Equal(1, EventDetail.Parse(reset.Detail)!.Count);
    }

    [Fact]
    public async Task ConfirmTotp_ReturnsTheSessionReissuedWithAJwtWhoseAmrNamesTheCode()
    {
        var (_, session, _) = await SignUpWithSessionAsync();
        Assert.DoesNotContain("otp", JwtAmr(session));
        var enroll = (await PostAsync("/auth/mfa/totp/enroll", new { }, session)).AssertStatus(HttpStatusCode.OK).Body!;
        var secret = OtpNet.Base32Encoding.ToBytes(enroll["secret"]!.GetValue<string>());

        var confirm = await PostAsync("/auth/mfa/totp/confirm",
            new { factorId = enroll["factorId"]!.GetValue<string>(), code = MfaSteps.Code(secret, Fixture.Time) }, session);

        confirm.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(10, confirm.Body!["recoveryCodes"]!.AsArray().Count);
        var reissued = confirm.Body!["session"]!;
        Assert.Equal(["pwd", "totp"], reissued["amr"]!.AsArray().Select(a => a!.GetValue<string>()));
        var token = reissued["token"]!.GetValue<string>();
        Assert.Equal(["pwd", "otp", "mfa"], JwtAmr(token));
        (await GetAsync("/auth/user", token)).AssertStatus(HttpStatusCode.OK);
        (await GetAsync("/auth/user", session)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AddMethod_TwelveParallelCallsWithSixMethods_LosesNoneAndAddsEachOnce()
    {
        var (_, _, user) = await SignUpWithSessionAsync();
        var userId = user["_id"]!.GetValue<string>();
        string sessionId;
        await using (var db = Db())
            sessionId = await db.Sessions.Where(s => s.UserId == userId).Select(s => s.Id).SingleAsync(Ct);
        string[] methods = ["totp", "recovery", "passkey", "sms", "email", "oauth"];
        var sessions = Fixture.Factory.Services.GetRequiredService<SessionService>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await sessions.AddMethodAsync(userId, sessionId, methods[i % methods.Length], Ct);
        }, Ct)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.All(results, Assert.NotNull);
        await using var check = Db();
        var amr = await check.Sessions.Where(s => s.Id == sessionId).Select(s => s.Amr).SingleAsync(Ct);
        Assert.Equal(["email", "oauth", "passkey", "pwd", "recovery", "sms", "totp"], amr!.Split(' ').Order(StringComparer.Ordinal));
        Assert.StartsWith("pwd ", amr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmTotp_TwoFactorsConfirmedInParallelOnOneSession_AddTotpOnce()
    {
        var (_, session, user) = await SignUpWithSessionAsync();
        var enrolments = new List<(string FactorId, byte[] Secret)>();
        for (var i = 0; i < 2; i++)
        {
            var enroll = (await PostAsync("/auth/mfa/totp/enroll", new { }, session)).AssertStatus(HttpStatusCode.OK).Body!;
            enrolments.Add((enroll["factorId"]!.GetValue<string>(), OtpNet.Base32Encoding.ToBytes(enroll["secret"]!.GetValue<string>())));
        }

        var confirms = await Task.WhenAll(enrolments.Select(e =>
            PostAsync("/auth/mfa/totp/confirm", new { factorId = e.FactorId, code = MfaSteps.Code(e.Secret, Fixture.Time) }, session)));

        Assert.Contains(confirms, c => c.Status == HttpStatusCode.OK);
        Assert.Equal("pwd totp", await MfaSteps.LatestAmrAsync(Db(), user["_id"]!.GetValue<string>()));
    }

    private async Task<string> RegisterAsync(SoftwareAuthenticator authenticator, string session, string? name = null)
    {
        var options = (await PostAsync("/auth/passkeys/register/options", new { }, session)).AssertStatus(HttpStatusCode.OK).Json!;
        var register = await PostAsync("/auth/passkeys/register", new { credential = authenticator.Create(options, AppOrigin), name }, session);
        return register.AssertStatus(HttpStatusCode.OK).Json!["id"]!.GetValue<string>();
    }

    private async Task<ApiResponse> DeleteAsync(string path, string session, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        request.Headers.Add("Session", session);
        return await ApiResponse.ReadAsync(await Client.SendAsync(request, Ct));
    }

    private static async Task<ApiResponse> ReadAsync(Task<HttpResponseMessage> response) => await ApiResponse.ReadAsync(await response);

    private async Task<List<Auth.Core.Data.Entities.ActivityEvent>> EventsAsync(string userId, string type)
    {
        await using var db = Db();
        return await db.Events.AsNoTracking().Where(e => e.UserId == userId && e.Type == type).ToListAsync(Ct);
    }

    /// <summary>The amr claim of a session JWT, read from its payload (the signature is the server's business).</summary>
    private static List<string> JwtAmr(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        var claims = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))!;
        return claims["amr"] switch
        {
            JsonArray values => values.Select(v => v!.GetValue<string>()).ToList(),
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };
    }
}
