using System.Net;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Users;

/// <summary>POST /admin/api/users: the runtime's rules for identifiers, passwords and profiles; duplicates, also racing.</summary>
public abstract class UserCreateSuite(AppFixture fixture) : UserManagementSuiteBase(fixture)
{
    [Fact]
    public async Task CreateUser_EmailAndPassword_UserSignsInWithItAndTheEventNamesTheOperator()
    {
        var email = NewEmail();
        var created = await AdminAsync("POST", "/admin/api/users",
            new { email = "  " + email.ToUpperInvariant(), password = Password, name = "Ada", userData = new { plan = "pro" }, emailVerified = true });

        created.AssertStatus(HttpStatusCode.OK);
        var user = UserOf(created);
        Assert.Equal(email, user["email"]!.GetValue<string>().ToLowerInvariant());
        Assert.True(user["emailVerified"]!.GetValue<bool>());
        Assert.Equal("pro", user["userData"]!["plan"]!.GetValue<string>());
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
        Assert.Contains(("user.created", "operator"), await EventsAsync(user["_id"]!.GetValue<string>()));
        await using var db = Db();
        var hash = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.PasswordHash).SingleAsync(Ct);
        Assert.NotEqual(Password, hash);
        Assert.DoesNotContain(Password, created.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_PhoneOnlyWithoutPassword_IsStoredInE164Unverified()
    {
        var phone = NewPhone();
        var display = $"+1 (415) {phone[5..8]}-{phone[8..]}";

        var user = UserOf((await AdminAsync("POST", "/admin/api/users", new { phone = display })).AssertStatus(HttpStatusCode.OK));

        Assert.Equal(phone, user["phone"]!.GetValue<string>());
        Assert.False(user["phoneVerified"]!.GetValue<bool>());
        Assert.Null(user["email"]);
    }

    [Fact]
    public async Task CreateUser_InvalidInput_NamesEachField()
    {
        var response = await AdminAsync("POST", "/admin/api/users",
            new { email = "not an address", password = "short", userData = new { blob = new string('x', 17_000) } });

        var fields = response.ValidationFields().ToList();
        Assert.Contains("email", fields);
        Assert.Contains("password", fields);
        Assert.Contains("userData", fields);
        (await AdminAsync("POST", "/admin/api/users", new { name = "Nobody" })).AssertError(HttpStatusCode.BadRequest, "validation_error");
        (await AdminAsync("POST", "/admin/api/users", new { phone = NewPhone(), invite = true })).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task CreateUser_EmailOfAnotherUserInOtherCase_ReturnsEmailNotUnique()
    {
        var email = NewEmail();
        await CreateAsync(new { email });

        (await AdminAsync("POST", "/admin/api/users", new { email = email.ToUpperInvariant() })).AssertError(HttpStatusCode.Conflict, "email_not_unique");
        var phone = NewPhone();
        await CreateAsync(new { phone });
        (await AdminAsync("POST", "/admin/api/users", new { email = NewEmail(), phone })).AssertError(HttpStatusCode.Conflict, "phone_not_unique");
    }

    [Fact]
    public async Task CreateUser_ParallelCreatesOfOneEmail_MakeOneUserAndClearConflicts()
    {
        var email = NewEmail();
        using var gate = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, 6).Select(async _ =>
        {
            await gate.WaitAsync(Ct);
            return await AdminAsync("POST", "/admin/api/users", new { email, password = Password });
        }).ToList();
        gate.Release(calls.Count);
        var responses = await Task.WhenAll(calls);

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.Status != HttpStatusCode.OK))
            refused.AssertError(HttpStatusCode.Conflict, "email_not_unique");
        await using var db = Db();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == email, Ct));
    }

    [Fact]
    public async Task CreateUser_WithInvitation_MagicLinkSignsTheUserInAndKeepsTheOperatorsPassword()
    {
        var email = NewEmail();
        var id = await CreateAsync(new { email, password = Password, invite = true, redirectURL = RedirectUrl });

        var mail = await MailAsync(email);
        var query = await FollowAsync(LinkIn(mail));
        Assert.Equal("magic-link", query["action"]);
        var grant = await PostAsync("/auth/grant", new { accessToken = query["access_token"] });

        grant.AssertStatus(HttpStatusCode.OK);
        Assert.True(grant.Body!["user"]!["emailVerified"]!.GetValue<bool>());
        Assert.NotNull(grant.Body!["session"]!["token"]);
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
        var events = (await EventsAsync(id)).Select(e => e.Type).ToList();
        Assert.Equal(["user.created", "user.invited"], events.Take(2));
        Assert.Contains("user.signin", events);
        // Single use.
        Assert.Equal("invalid_link", (await FollowAsync(LinkIn(mail)))["code"]);
    }
}
