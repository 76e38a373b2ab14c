using System.Net;
using Auth.Core.Housekeeping;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>
/// Pre-account hijacking (ADR 0007): someone signs up with an address or number they do not own. Whatever
/// path the real owner takes, the squatter's password must stop working and its sessions end.
/// </summary>
public abstract class PreAccountHijackSuite(AppFixture fixture) : SmsSuiteBase(fixture)
{
    private const string AttackerPassword = "attacker pass 1";
    private const string OwnerPassword = "owner pass 12345";

    private async Task<ApiResponse> SignInEmailAsync(string email, string password) =>
        await PostAsync("/auth/signin-email", new { email, password });

    [Fact]
    public async Task SignUpWithEmail_SquatterThenOwnerResendsAndConfirms_SquatterPasswordFails()
    {
        var email = NewEmail("victim");
        (await PostAsync("/auth/signup-email", new { email, password = AttackerPassword, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);

        (await PostAsync("/auth/resend", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 2);
        Assert.Equal("200", (await FollowAsync(LinkIn(Smtp.To(email)[1])))["status"]);

        (await SignInEmailAsync(email, AttackerPassword)).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        // The owner sets a password of their own through a reset, which a verified address may ask for.
        (await PostAsync("/auth/send-reset", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await WaitForCountAsync(email, 3);
    }

    [Fact]
    public async Task SignUpWithEmail_OwnerSignsUpAgainOverSquatter_ReplacesPasswordAndVoidsEarlierLink()
    {
        var email = NewEmail("victim");
        (await PostAsync("/auth/signup-email", new { email, password = AttackerPassword, name = "Mallory", redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var again = await PostAsync("/auth/signup-email", new { email, password = OwnerPassword, name = "Alice", redirectURL = RedirectUrl });
        again.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Alice", again.Body!["user"]!["name"]!.GetValue<string>());
        Assert.Null(again.Body!["session"]);

        await WaitForCountAsync(email, 2);
        using (var stale = await VisitAsync(LinkIn(Smtp.To(email)[0])))
            Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode); // its account and its token are gone
        Assert.Equal("200", (await FollowAsync(LinkIn(Smtp.To(email)[1])))["status"]);

        (await SignInEmailAsync(email, AttackerPassword)).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        var owner = await SignInEmailAsync(email, OwnerPassword);
        owner.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Alice", owner.Body!["user"]!["name"]!.GetValue<string>());
        await using var db = Db();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email, Ct));
    }

    [Fact]
    public async Task SignUpWithEmail_SquatterSessionFromConfirmOff_EndsWhenOwnerConfirms()
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, email = new { confirmEmail = false }, security = new { sendCooldownSeconds = 0 } });
        var email = NewEmail("victim");
        var squat = await PostAsync("/auth/signup-email", new { email, password = AttackerPassword });
        var session = squat.Body!["session"]!["token"]!.GetValue<string>();

        await Fixture.PublishAsync(new { smtp = SmtpPatch, security = new { sendCooldownSeconds = 0 } });
        (await PostAsync("/auth/resend", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("200", (await FollowAsync(LinkIn(await MailAsync(email))))["status"]);

        (await GetAsync("/auth/user", session)).AssertStatus(HttpStatusCode.Unauthorized);
        (await SignInEmailAsync(email, AttackerPassword)).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task SignUpWithEmail_ConfirmedThroughItsOwnLink_KeepsThePassword()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = OwnerPassword, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("200", (await FollowAsync(LinkIn(await MailAsync(email))))["status"]);
        (await SignInEmailAsync(email, OwnerPassword)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignUpWithPhone_SquatterThenOwnerResendsCodeAndVerifies_SquatterPasswordFails()
    {
        var phone = NewPhone();
        (await PostAsync("/auth/signup-phone", new { phone, password = AttackerPassword })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/resend-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        var code = await CodeAsync(phone, 2);
        (await PostAsync("/auth/verify-phone", new { phone, code })).AssertStatus(HttpStatusCode.OK);

        (await PostAsync("/auth/signin-phone", new { phone, password = AttackerPassword })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await PostAsync("/auth/send-reset-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        await CodeAsync(phone, 3);
    }

    [Fact]
    public async Task SignUpWithPhone_OwnerSignsUpAgainOverSquatter_ReplacesPasswordAndVoidsEarlierCode()
    {
        var phone = NewPhone();
        (await PostAsync("/auth/signup-phone", new { phone, password = AttackerPassword })).AssertStatus(HttpStatusCode.OK);
        var first = await CodeAsync(phone);
        (await PostAsync("/auth/signup-phone", new { phone, password = OwnerPassword })).AssertStatus(HttpStatusCode.OK);
        var second = await CodeAsync(phone, 2);

        if (first != second)
            (await PostAsync("/auth/verify-phone", new { phone, code = first })).AssertError(HttpStatusCode.Unauthorized, "invalid_code");
        (await PostAsync("/auth/verify-phone", new { phone, code = second })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/signin-phone", new { phone, password = AttackerPassword })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await PostAsync("/auth/signin-phone", new { phone, password = OwnerPassword })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sweeper_UnverifiedAccountOlderThanTtl_IsPurgedAndVerifiedOneStays()
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, email = new { unverifiedAccountTtlHours = 2 }, security = new { sendCooldownSeconds = 0 } });
        var squatted = NewEmail("victim");
        (await PostAsync("/auth/signup-email", new { email = squatted, password = AttackerPassword, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var verified = await SignUpVerifiedAsync();
        var sweeper = Services.GetRequiredService<HousekeepingScheduler>();

        Fixture.Time.Advance(TimeSpan.FromHours(1));
        await sweeper.RunOnceAsync(Ct);
        await using (var db = Db())
            Assert.True(await db.Users.AnyAsync(u => u.Email == squatted, Ct));

        Fixture.Time.Advance(TimeSpan.FromHours(1.5));
        await sweeper.RunOnceAsync(Ct);
        await using (var db = Db())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == squatted, Ct));
            Assert.True(await db.Users.AnyAsync(u => u.Email == verified, Ct));
        }
    }
}
