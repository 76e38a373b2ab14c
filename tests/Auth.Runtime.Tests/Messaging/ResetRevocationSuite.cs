using System.Net;
using Auth.Core.Users;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>
/// What a newer reset, a password change and a disable leave behind: older reset links, codes and the
/// access tokens minted from them stop working, and nothing outstanding at disable time comes back on enable.
/// </summary>
public abstract class ResetRevocationSuite(AppFixture fixture) : SmsSuiteBase(fixture)
{
    [Fact]
    public async Task PasswordReset_NewerResetRequested_OlderLinkAndItsAccessTokenNoLongerWork()
    {
        var email = await SignUpVerifiedAsync();
        var oldToken = await ResetAccessTokenAsync(email, 2);
        var oldLink = await SendResetAsync(email, 3);
        var newLink = await SendResetAsync(email, 4);

        AssertRefused(await VisitLinkAsync(oldLink));
        (await PostAsync("/auth/reset-pwd", new { accessToken = oldToken, newPassword = "a brand new passphrase" }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_access_token");
        var query = await FollowAsync(newLink);
        (await PostAsync("/auth/reset-pwd", new { accessToken = query["access_token"], newPassword = "a brand new passphrase" })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_VoidsResetLinksAndResetAccessTokensSentBefore()
    {
        var email = await SignUpVerifiedAsync();
        var token = await ResetAccessTokenAsync(email, 2);
        var link = await SendResetAsync(email, 3);
        var session = (await PostAsync("/auth/signin-email", new { email, password = Password })).Body!["session"]!["token"]!.GetValue<string>();

        (await PostAsync("/auth/change-pwd", new { currentPassword = Password, newPassword = "a changed passphrase" }, session)).AssertStatus(HttpStatusCode.OK);

        AssertRefused(await VisitLinkAsync(link));
        (await PostAsync("/auth/reset-pwd", new { accessToken = token, newPassword = "an attacker's passphrase" }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_access_token");
        (await PostAsync("/auth/signin-email", new { email, password = "a changed passphrase" })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResetPasswordWithLink_VoidsTheOtherResetLinks()
    {
        var email = await SignUpVerifiedAsync();
        var token = await ResetAccessTokenAsync(email, 2);
        // Mint a second reset access token: the first reset-pwd must void it as well.
        var second = await ResetAccessTokenAsync(email, 3);
        (await PostAsync("/auth/reset-pwd", new { accessToken = second, newPassword = "a brand new passphrase" })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/reset-pwd", new { accessToken = token, newPassword = "an attacker's passphrase" }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_access_token");
    }

    [Fact]
    public async Task ResetCode_NewerCodeRequested_OlderCodeNoLongerWorks()
    {
        var phone = await SignUpVerifiedPhoneAsync();
        (await PostAsync("/auth/send-reset-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var older = await CodeAsync(phone, 2);
        (await PostAsync("/auth/send-reset-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var newer = await CodeAsync(phone, 3);
        Assert.SkipWhen(older == newer, "The two random codes happen to be equal.");

        (await PostAsync("/auth/reset-pwd-code", new { phone, code = older, newPassword = "a brand new passphrase" })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
        (await PostAsync("/auth/reset-pwd-code", new { phone, code = newer, newPassword = "a brand new passphrase" })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_VoidsResetCodesSentBefore()
    {
        var phone = await SignUpVerifiedPhoneAsync();
        (await PostAsync("/auth/send-reset-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var code = await CodeAsync(phone, 2);
        var session = (await PostAsync("/auth/signin-phone", new { phone, password = Password })).Body!["session"]!["token"]!.GetValue<string>();

        (await PostAsync("/auth/change-pwd", new { currentPassword = Password, newPassword = "a changed passphrase" }, session)).AssertStatus(HttpStatusCode.OK);

        (await PostAsync("/auth/reset-pwd-code", new { phone, code, newPassword = "an attacker's passphrase" })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task DisableThenEnable_SessionsLinksAndAccessTokensOutstandingAtDisable_StayDead()
    {
        var email = await SignUpVerifiedAsync();
        var session = (await PostAsync("/auth/signin-email", new { email, password = Password })).Body!["session"]!["token"]!.GetValue<string>();
        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 2);
        var grant = (await FollowAsync(LinkIn(Smtp.To(email)[1])))["access_token"];
        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 3);
        var magic = LinkIn(Smtp.To(email)[2]);
        var resetLink = await SendResetAsync(email, 4);
        var userId = await UserIdAsync(email);
        var admin = Services.GetRequiredService<UserAdministration>();

        Assert.True((await admin.SetDisabledAsync(userId, true, Ct)).IsSuccess);
        // A sign-in that had passed its checks before the disable opens its session just after it.
        await using (var db = Db())
            await db.Sessions.Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, (DateTime?)null), Ct);
        Assert.True((await admin.SetDisabledAsync(userId, false, Ct)).IsSuccess);

        (await GetAsync("/auth/user", session)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
        (await PostAsync("/auth/grant", new { accessToken = grant })).AssertError(HttpStatusCode.Unauthorized, "invalid_access_token");
        AssertRefused(await VisitLinkAsync(magic));
        AssertRefused(await VisitLinkAsync(resetLink));
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
    }

    private async Task<string> SendResetAsync(string email, int nth)
    {
        (await PostAsync("/auth/send-reset", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, nth);
        return LinkIn(Smtp.To(email)[nth - 1]);
    }

    /// <summary>Sends a reset link (the <paramref name="nth"/> mail) and follows it: the access token reset-pwd takes.</summary>
    private async Task<string> ResetAccessTokenAsync(string email, int nth)
    {
        var query = await FollowAsync(await SendResetAsync(email, nth));
        Assert.Equal("reset-pwd", query["action"]);
        return query["access_token"];
    }

    private async Task<Dictionary<string, string>?> VisitLinkAsync(string link)
    {
        using var response = await VisitAsync(link);
        return response.Headers.Location is { } location && location.IsAbsoluteUri ? Query(location) : null;
    }

    private static void AssertRefused(Dictionary<string, string>? query)
    {
        if (query is null) return; // a plain error page
        Assert.False(query.ContainsKey("access_token"), "The link still worked.");
        Assert.NotEqual("200", query.GetValueOrDefault("status"));
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = Db();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<string> SignUpVerifiedPhoneAsync()
    {
        var phone = NewPhone();
        (await PostAsync("/auth/signup-phone", new { phone, password = Password, name = "Jobby" })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/verify-phone", new { phone, code = await CodeAsync(phone) })).AssertStatus(HttpStatusCode.OK);
        return phone;
    }
}
