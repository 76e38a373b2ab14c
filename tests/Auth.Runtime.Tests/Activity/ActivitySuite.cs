using System.Net;
using System.Text.Json.Nodes;
using Auth.Core.Activity;
using Auth.Runtime.Tests.Infrastructure;
using Auth.Runtime.Tests.Messaging;

namespace Auth.Runtime.Tests.Activity;

/// <summary>
/// The activity log end to end: real flows over HTTP (SMTP included) write their events, read back through
/// <c>GET /admin/api/events</c>, with the request's IP and user agent and never a secret in them.
/// </summary>
public abstract partial class ActivitySuite(AppFixture fixture) : MessagingSuiteBase(fixture)
{
    private readonly string _agent = $"ActivityTest/{Guid.NewGuid():N}";

    protected override object? Baseline => new { smtp = SmtpPatch, security = new { sendCooldownSeconds = 0, lockoutThreshold = 3 } };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Client.DefaultRequestHeaders.UserAgent.ParseAdd(_agent);
        Browser.DefaultRequestHeaders.UserAgent.ParseAdd(_agent);
    }

    [Fact]
    public async Task SignUpConfirmAndSignIn_WriteTheirEvents_InOrderWithClientAndNoSecrets()
    {
        var email = NewEmail("act");
        var signUp = await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl });
        signUp.AssertStatus(HttpStatusCode.OK);
        var userId = signUp.Body!["user"]!["_id"]!.GetValue<string>();
        var link = LinkIn(await MailAsync(email));
        var confirmed = await FollowAsync(link);
        var grant = await PostAsync("/auth/grant", new { accessToken = confirmed["access_token"] });
        grant.AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/signin-email", new { email, password = "wrong password 1" })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        var signIn = await PostAsync("/auth/signin-email", new { email, password = Password });
        signIn.AssertStatus(HttpStatusCode.OK);
        var session = signIn.Body!["session"]!["token"]!.GetValue<string>();
        (await PostAsync("/auth/signout", new { }, session)).AssertStatus(HttpStatusCode.OK);

        var events = await EventsAsync($"userId={userId}");

        Assert.Equal(
            [EventTypes.SignUp, EventTypes.MessageSent, EventTypes.EmailVerified, EventTypes.SignIn, EventTypes.SignInFailed, EventTypes.SignIn, EventTypes.SessionsRevoked],
            events.Select(Type).Reverse());
        Assert.All(events, e => Assert.Equal(userId, e["userId"]!.GetValue<string>()));
        var byUser = events.Where(e => Type(e) != EventTypes.MessageSent).ToList();
        Assert.All(byUser, e => Assert.Equal(_agent, e["userAgent"]!.GetValue<string>()));
        Assert.All(byUser, e => Assert.Equal(("user", userId), (e["actorType"]!.GetValue<string>(), e["actorId"]!.GetValue<string>())));
        var sent = events.Single(e => Type(e) == EventTypes.MessageSent);
        Assert.Equal(("system", "email", "confirm_email"), (sent["actorType"]!.GetValue<string>(), Detail(sent, "channel"), Detail(sent, "messageType")));
        Assert.Equal(["pwd", "email"], events.Where(e => Type(e) == EventTypes.SignIn).Select(e => Detail(e, "method")));
        Assert.Equal("invalid_credentials", Detail(events.Single(e => Type(e) == EventTypes.SignInFailed), "code"));
        AssertNoSecret(events, Password, "wrong password 1", new Uri(link).Query, confirmed["access_token"], session,
            grant.Body!["session"]!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignIn_UnknownAndKnownEmail_WriteOneFailedEventOfTheSameShape()
    {
        var email = await SignUpVerifiedAsync();
        var unknown = NewEmail("nobody");
        (await PostAsync("/auth/signin-email", new { email = unknown, password = Password })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await PostAsync("/auth/signin-email", new { email, password = "wrong password 2" })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");

        var failed = (await EventsAsync($"type={EventTypes.SignInFailed}&limit=200")).Where(e => e["userAgent"]?.GetValue<string>() == _agent).ToList();

        Assert.Equal(2, failed.Count);
        Assert.Null(failed[1]["userId"]); // the older one: the unknown address, no subject
        Assert.NotNull(failed[0]["userId"]);
        Assert.All(failed, e => Assert.Equal("invalid_credentials", Detail(e, "code")));
        Assert.All(failed, e => Assert.Equal(failed[0]["detail"]!.ToJsonString(), e["detail"]!.ToJsonString()));
        AssertNoSecret(failed, unknown, "wrong password 2", Password);
    }

    [Fact]
    public async Task WrongPasswords_ToTheThreshold_WriteTheLockout()
    {
        var email = await SignUpVerifiedAsync();
        for (var i = 0; i < 3; i++)
            (await PostAsync("/auth/signin-email", new { email, password = $"wrong password {i}x" })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");

        var userId = (await EventsAsync($"type={EventTypes.SignUp}&limit=200")).First(e => e["userAgent"]?.GetValue<string>() == _agent)["userId"]!.GetValue<string>();
        var events = await EventsAsync($"userId={userId}");

        Assert.Single(events, e => Type(e) == EventTypes.LockedOut);
        Assert.Equal(["invalid_credentials", "invalid_credentials", "invalid_credentials", "rate_limit_exceeded"],
            events.Where(e => Type(e) == EventTypes.SignInFailed).Select(e => Detail(e, "code")).Reverse());
    }

    [Fact]
    public async Task OperatorActions_NameTheOperatorAsActor_AndTheActorFilterFindsThem()
    {
        var email = await SignUpVerifiedAsync();
        using var admin = await Fixture.CreateOperatorClientAsync();
        var user = (await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/users?query={Uri.EscapeDataString(email)}", Ct))).Body!["items"]![0]!["user"]!;
        var userId = user["_id"]!.GetValue<string>();
        (await ApiResponse.ReadAsync(await admin.DeleteAsync($"/admin/api/users/{userId}", Ct))).AssertStatus(HttpStatusCode.OK);
        await Fixture.PublishAsync(Baseline);

        var deleted = (await EventsAsync($"userId={userId}")).First();
        Assert.Equal((EventTypes.UserDeleted, "operator"), (Type(deleted), deleted["actorType"]!.GetValue<string>()));
        var operatorId = deleted["actorId"]!.GetValue<string>();
        var published = (await EventsAsync($"type={EventTypes.SettingsPublished}")).First();
        Assert.Equal(operatorId, published["actorId"]!.GetValue<string>());
        Assert.True(published["detail"]!["revision"]!.GetValue<int>() > 1);
        Assert.Contains(await EventsAsync($"type={EventTypes.OperatorSignIn}&limit=200"), e => e["actorId"]?.GetValue<string>() == operatorId);
        var byOperator = await EventsAsync($"actor={operatorId}&limit=20");
        Assert.Contains(byOperator, e => Type(e) == EventTypes.SettingsSaved);
        Assert.All(byOperator, e => Assert.Equal(operatorId, e["actorId"]!.GetValue<string>()));
    }

    private async Task<List<JsonObject>> EventsAsync(string query)
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var response = await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/events?{query}", Ct));
        response.AssertStatus(HttpStatusCode.OK);
        return response.Body!["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    private static string Type(JsonObject e) => e["type"]!.GetValue<string>();

    private static string? Detail(JsonObject e, string field) => e["detail"]?[field]?.GetValue<string>();

    /// <summary>No value a caller sent or received as a credential appears anywhere in an event.</summary>
    private static void AssertNoSecret(IEnumerable<JsonObject> events, params string?[] secrets)
    {
        foreach (var e in events)
        {
            var text = e.ToJsonString();
            foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
                Assert.DoesNotContain(secret!.TrimStart('?'), text, StringComparison.Ordinal);
        }
    }
}
