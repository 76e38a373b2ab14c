using System.Net;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Users;

/// <summary>PATCH /admin/api/users/{id}, send-reset and unlock.</summary>
public abstract class UserEditSuite(AppFixture fixture) : UserManagementSuiteBase(fixture)
{
    [Fact]
    public async Task UpdateUser_NewEmail_ClearsVerificationUnlessVouchedAndNamesTheFieldsInTheEvent()
    {
        var id = await CreateAsync(new { email = NewEmail(), emailVerified = true });
        var changed = NewEmail();

        var plain = UserOf((await AdminAsync("PATCH", $"/admin/api/users/{id}", new { email = changed, name = "Grace", userData = new { a = 1 } }))
            .AssertStatus(HttpStatusCode.OK));
        Assert.Equal(changed, plain["email"]!.GetValue<string>());
        Assert.False(plain["emailVerified"]!.GetValue<bool>());
        Assert.Equal("Grace", plain["name"]!.GetValue<string>());

        var vouched = UserOf((await AdminAsync("PATCH", $"/admin/api/users/{id}", new { email = NewEmail(), vouchEmail = true }))
            .AssertStatus(HttpStatusCode.OK));
        Assert.True(vouched["emailVerified"]!.GetValue<bool>());
        await using var db = Db();
        var details = await db.Events.Where(e => e.UserId == id && e.Type == "user.updated").OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync(Ct);
        Assert.Equal(["{\"fields\":\"name,userData,email\"}", "{\"fields\":\"email\"}"], details);
    }

    [Fact]
    public async Task UpdateUser_EmailOrPhoneOfAnotherUser_ReturnsNotUniqueAndChangesNothing()
    {
        var taken = NewEmail();
        var phone = NewPhone();
        await CreateAsync(new { email = taken, phone });
        var original = NewEmail();
        var id = await CreateAsync(new { email = original });

        (await AdminAsync("PATCH", $"/admin/api/users/{id}", new { email = taken.ToUpperInvariant(), name = "X" })).AssertError(HttpStatusCode.Conflict, "email_not_unique");
        (await AdminAsync("PATCH", $"/admin/api/users/{id}", new { phone })).AssertError(HttpStatusCode.Conflict, "phone_not_unique");
        var user = UserOf(await AdminAsync("GET", $"/admin/api/users/{id}"));
        Assert.Equal(original, user["email"]!.GetValue<string>());
        Assert.Null(user["name"]);
    }

    [Fact]
    public async Task UpdateUser_ParallelEditsToOneEmail_OneWinsTheOthersGetEmailNotUnique()
    {
        var ids = new List<string>();
        for (var i = 0; i < 4; i++) ids.Add(await CreateAsync(new { email = NewEmail() }));
        var target = NewEmail();
        using var gate = new SemaphoreSlim(0);
        var calls = ids.Select(async id =>
        {
            await gate.WaitAsync(Ct);
            return await AdminAsync("PATCH", $"/admin/api/users/{id}", new { email = target });
        }).ToList();
        gate.Release(calls.Count);
        var responses = await Task.WhenAll(calls);

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.Status != HttpStatusCode.OK)) refused.AssertError(HttpStatusCode.Conflict, "email_not_unique");
    }

    [Fact]
    public async Task UpdateUser_BadPatch_NamesTheFieldsAndRemovingTheLastIdentifierIsRefused()
    {
        var id = await CreateAsync(new { email = NewEmail() });

        var fields = (await AdminAsync("PATCH", $"/admin/api/users/{id}", new { email = 5, userData = "text", passwordHash = "x" })).ValidationFields().ToList();
        Assert.Equal(["email", "passwordHash", "userData"], fields.Order(StringComparer.Ordinal));
        (await AdminAsync("PATCH", $"/admin/api/users/{id}", new { email = "" })).AssertError(HttpStatusCode.BadRequest, "validation_error");
        (await AdminAsync("PATCH", "/admin/api/users/000000000000000000000000", new { name = "x" })).AssertError(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task UpdateUser_NewEmail_VoidsTheLinkSentToTheOldAddress()
    {
        var old = NewEmail();
        var id = await CreateAsync(new { email = old, invite = true });
        var link = LinkIn(await MailAsync(old));

        (await AdminAsync("PATCH", $"/admin/api/users/{id}", new { email = NewEmail() })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("invalid_link", (await FollowAsync(link))["code"]);
    }

    [Fact]
    public async Task SendReset_VerifiedUser_MailsTheResetLinkAndRecordsIt()
    {
        var email = NewEmail();
        var id = await CreateAsync(new { email, emailVerified = true, password = Password });

        (await AdminAsync("POST", $"/admin/api/users/{id}/send-reset", new { })).AssertStatus(HttpStatusCode.OK);

        var query = await FollowAsync(LinkIn(await MailAsync(email)));
        Assert.Equal("reset-pwd", query["action"]);
        Assert.Contains(("user.reset_sent", "operator"), await EventsAsync(id));
    }

    [Fact]
    public async Task SendResetAndInvite_UserWithoutEmail_ReturnUserHasNoEmail()
    {
        var id = await CreateAsync(new { phone = NewPhone() });

        (await AdminAsync("POST", $"/admin/api/users/{id}/send-reset", new { })).AssertError(HttpStatusCode.Conflict, "user_has_no_email");
        (await AdminAsync("POST", $"/admin/api/users/{id}/invite", new { })).AssertError(HttpStatusCode.Conflict, "user_has_no_email");
        (await AdminAsync("POST", $"/admin/api/users/{id}/invite", new { redirectURL = "https://evil.example/x" }))
            .AssertError(HttpStatusCode.BadRequest, "invalid_redirect_url");
    }

    [Fact]
    public async Task Unlock_LockedUser_ClearsLockoutAndCounterSoTheUserSignsIn()
    {
        var email = NewEmail();
        var id = await CreateAsync(new { email, emailVerified = true, password = Password });
        for (var i = 0; i < 12; i++) await PostAsync("/auth/signin-email", new { email, password = "wrong password" });
        await using (var db = Db())
            Assert.NotNull(await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEndsAt).SingleAsync(Ct));
        Assert.NotNull((await AdminAsync("GET", $"/admin/api/users/{id}")).Body!["lockedUntil"]);

        (await AdminAsync("POST", $"/admin/api/users/{id}/unlock")).AssertStatus(HttpStatusCode.OK);

        await using (var db = Db())
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
            Assert.Null(user.LockoutEndsAt);
            Assert.Equal(0, user.FailedSignInCount);
        }
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
        Assert.Contains(("user.unlocked", "operator"), await EventsAsync(id));
        (await AdminAsync("POST", "/admin/api/users/000000000000000000000000/unlock")).AssertError(HttpStatusCode.NotFound, "user_not_found");
    }
}
