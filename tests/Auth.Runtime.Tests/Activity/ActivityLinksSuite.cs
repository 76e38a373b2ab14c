using System.Net;
using Auth.Core.Activity;
using Auth.Core.Messaging;
using Auth.Runtime.Messaging;
using Auth.Runtime.Tests.Infrastructure;
using Auth.Runtime.Tests.Messaging;
using Microsoft.Extensions.DependencyInjection;
using static Auth.Runtime.Tests.Activity.ActivityEvents;

namespace Auth.Runtime.Tests.Activity;

/// <summary>The e-mail flows' events over HTTP and SMTP: a password reset, a failed magic link, a dead-lettered message.</summary>
public abstract class ActivityLinksSuite(AppFixture fixture) : MessagingSuiteBase(fixture)
{
    [Fact]
    public async Task PasswordResetByLink_WritesPasswordReset_WithoutTheLinkOrPassword()
    {
        var email = await SignUpVerifiedAsync();
        (await PostAsync("/auth/send-reset", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 2);
        var link = LinkIn(Smtp.To(email)[1]);
        var token = (await FollowAsync(link))["access_token"];
        (await PostAsync("/auth/reset-pwd", new { accessToken = token, newPassword = "a brand new passphrase" })).AssertStatus(HttpStatusCode.OK);

        var userId = await UserIdAsync(email);
        var events = await ReadAsync(Fixture, $"userId={userId}");

        var reset = Assert.Single(events, e => Type(e) == EventTypes.PasswordReset);
        Assert.Equal(("user", userId), (reset["actorType"]!.GetValue<string>(), reset["actorId"]!.GetValue<string>()));
        AssertNoSecret(events, "a brand new passphrase", Password, new Uri(link).Query, token);
    }

    [Fact]
    public async Task MagicLinkUsedTwice_WritesOneSignInAndOneFailedSignInWithTheErrorCode()
    {
        var email = await SignUpVerifiedAsync();
        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 2);
        var link = LinkIn(Smtp.To(email)[1]);
        var first = await FollowAsync(link);
        (await PostAsync("/auth/grant", new { accessToken = first["access_token"] })).AssertStatus(HttpStatusCode.OK);
        var again = await FollowAsync(link);
        Assert.Equal("invalid_link", again["code"]);

        var userId = await UserIdAsync(email);
        var events = await ReadAsync(Fixture, $"userId={userId}");

        var failed = Assert.Single(events, e => Type(e) == EventTypes.SignInFailed);
        Assert.Equal(("invalid_link", "email"), (Detail(failed, "code"), Detail(failed, "method")));
        Assert.Equal("email", Detail(events.First(e => Type(e) == EventTypes.SignIn), "method"));
        AssertNoSecret(events, new Uri(link).Query, first["access_token"]);
    }

    [Fact]
    public async Task MagicLinkWithAnUnknownKey_WritesAFailedSignInWithoutSubject()
    {
        var agent = $"ActivityLinks/{Guid.NewGuid():N}";
        Browser.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        const string key = "not-a-real-link-key-0123456789";
        await VisitAsync($"{Fixture.Factory.Server.BaseAddress}auth/verify?key={key}&action={ActionTypes.MagicLink}");

        var failed = (await ReadAsync(Fixture, $"type={EventTypes.SignInFailed}&limit=200")).Single(e => e["userAgent"]?.GetValue<string>() == agent);

        Assert.Null(failed["userId"]);
        Assert.Equal("invalid_link", Detail(failed, "code"));
        AssertNoSecret([failed], key);
    }

    [Fact]
    public async Task SmtpDown_DeadLetteredMessage_WritesMessageFailedForItsUser()
    {
        await Smtp.StopAsync();
        var email = NewEmail("dead");
        var signUp = await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl });
        signUp.AssertStatus(HttpStatusCode.OK);
        var userId = signUp.Body!["user"]!["_id"]!.GetValue<string>();
        var options = Services.GetRequiredService<MessagingOptions>();
        for (var i = 0; i < options.MaxAttempts; i++)
        {
            await Dispatcher.DispatchOnceAsync(Ct);
            Fixture.Time.Advance(options.RetryMaxDelay + TimeSpan.FromMinutes(1));
        }

        var events = await ReadAsync(Fixture, $"userId={userId}");

        var failed = Assert.Single(events, e => Type(e) == EventTypes.MessageFailed);
        Assert.Equal(("system", "email", "confirm_email"), (failed["actorType"]!.GetValue<string>(), Detail(failed, "channel"), Detail(failed, "messageType")));
        Assert.DoesNotContain(events, e => Type(e) == EventTypes.MessageSent);
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var found = await ApiResponse.ReadAsync(await admin.GetAsync($"/admin/api/users?query={Uri.EscapeDataString(email)}", Ct));
        return found.Body!["items"]![0]!["user"]!["_id"]!.GetValue<string>();
    }
}
