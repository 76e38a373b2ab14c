using System.Net;
using System.Text.RegularExpressions;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Suites;

/// <summary>signUpWithEmail / signInWithEmail and the Agnost client API's confirmation rules.</summary>
public abstract partial class EmailAuthSuite(AppFixture fixture) : SuiteBase(fixture)
{
    [Fact]
    public async Task SignUpWithEmail_ConfirmEmailOn_ReturnsAgnostUserShapeAndNullSession()
    {
        var email = NewEmail();
        var response = await PostAsync("/auth/signup-email", new { email, password = Password, name = "Rooby", redirectURL = RedirectUrl });

        response.AssertStatus(HttpStatusCode.OK);
        var user = response.Body!["user"]!.AsObject();
        var id = user["_id"]!.GetValue<string>();
        Assert.Matches(HexId(), id);
        Assert.Equal("local", user["provider"]!.GetValue<string>());
        Assert.Equal(id, user["providerUserId"]!.GetValue<string>());
        Assert.Equal(email, user["email"]!.GetValue<string>());
        Assert.Equal("Rooby", user["name"]!.GetValue<string>());
        Assert.False(user["emailVerified"]!.GetValue<bool>());
        Assert.Matches(IsoMillis(), user["signUpAt"]!.GetValue<string>());
        Assert.Null(response.Body!["session"]);
        Assert.True(response.Body!.ContainsKey("session"));
        Assert.DoesNotContain("pbkdf2", response.Raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("password", response.Raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignUpWithEmail_ConfirmEmailOnWithoutRedirect_ReturnsRedirectUrlMissing()
    {
        var response = await PostAsync("/auth/signup-email", new { email = NewEmail(), password = Password });
        response.AssertError(HttpStatusCode.BadRequest, "redirect_url_missing");
    }

    [Fact]
    public async Task SignUpWithEmail_RedirectNotAllowed_ReturnsInvalidRedirectUrlAndCreatesNoUser()
    {
        var email = NewEmail();
        var response = await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = "https://evil.example/steal" });

        response.AssertError(HttpStatusCode.BadRequest, "invalid_redirect_url");
        await using var db = Db();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignInWithEmail_UnverifiedEmailAndCorrectPassword_ReturnsEmailNotVerified()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);

        var response = await PostAsync("/auth/signin-email", new { email, password = Password });
        response.AssertError(HttpStatusCode.Unauthorized, "email_not_verified");
    }

    [Fact]
    public async Task SignInWithEmail_UnverifiedEmailAndWrongPassword_ReturnsInvalidCredentials()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);

        var response = await PostAsync("/auth/signin-email", new { email, password = "wrong password 1" });
        response.AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task SignInWithEmail_UnknownEmail_ReturnsInvalidCredentials()
    {
        var response = await PostAsync("/auth/signin-email", new { email = NewEmail(), password = Password });
        response.AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task SignInWithEmail_VerifiedEmail_ReturnsSessionAndStampsLastLogin()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        await using (var db = Db())
        {
            await db.Users.Where(u => u.Email == email)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailVerified, true), TestContext.Current.CancellationToken);
        }

        var response = await PostAsync("/auth/signin-email", new { email = "  " + email.ToUpperInvariant() + " ", password = Password });

        response.AssertStatus(HttpStatusCode.OK);
        Assert.True(response.Body!["user"]!["emailVerified"]!.GetValue<bool>());
        Assert.Matches(IsoMillis(), response.Body!["user"]!["lastLoginAt"]!.GetValue<string>());
        var session = response.Body!["session"]!.AsObject();
        Assert.Equal(response.Body!["user"]!["_id"]!.GetValue<string>(), session["userId"]!.GetValue<string>());
        Assert.Equal(3, session["token"]!.GetValue<string>().Split('.').Length);
        Assert.Matches(IsoMillis(), session["creationDtm"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignUpWithEmail_ConfirmEmailOff_ReturnsWorkingSession()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false } });
        var email = NewEmail();

        var signUp = await PostAsync("/auth/signup-email", new { email, password = Password });
        signUp.AssertStatus(HttpStatusCode.OK);
        var token = signUp.Body!["session"]!["token"]!.GetValue<string>();
        (await GetAsync("/auth/user", token)).AssertStatus(HttpStatusCode.OK);

        var signIn = await PostAsync("/auth/signin-email", new { email, password = Password });
        signIn.AssertStatus(HttpStatusCode.OK);
        Assert.NotNull(signIn.Body!["session"]);
    }

    [Theory]
    [InlineData("/auth/signup-email")]
    [InlineData("/auth/signin-email")]
    public async Task EmailAuth_EmailDisabled_ReturnsNotAllowed(string path)
    {
        await Fixture.PublishAsync(new { email = new { enabled = false } });
        var response = await PostAsync(path, new { email = NewEmail(), password = Password, redirectURL = RedirectUrl });
        response.AssertError(HttpStatusCode.Forbidden, "not_allowed");
    }

    [Fact]
    public async Task SignUpWithEmail_SameAddressOtherCaseAndSpaces_ReturnsEmailNotUnique()
    {
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        // A proven address (an unproven one is replaced by a new sign-up, ADR 0007).
        await using (var db = Db())
            await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailVerified, true), TestContext.Current.CancellationToken);

        var response = await PostAsync("/auth/signup-email", new { email = $"  {email.ToUpperInvariant()}\t", password = Password, redirectURL = RedirectUrl });
        response.AssertError(HttpStatusCode.Conflict, "email_not_unique");
    }

    [Theory]
    [InlineData("not-an-email", "email")]
    [InlineData("", "email")]
    [InlineData("two@@example.com", "email")]
    public async Task SignUpWithEmail_BadAddress_ReturnsValidationErrorNamingEmail(string email, string field)
    {
        var response = await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl });
        Assert.Contains(field, response.ValidationFields());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(65)]
    [InlineData(5000)]
    public async Task SignUpWithEmail_PasswordOutsidePolicy_ReturnsValidationErrorNamingPassword(int length)
    {
        var response = await PostAsync("/auth/signup-email", new { email = NewEmail(), password = new string('p', length), redirectURL = RedirectUrl });
        Assert.Contains("password", response.ValidationFields());
    }

    [Fact]
    public async Task SignUpWithEmail_PasswordPolicyFromSettings_IsEnforced()
    {
        await Fixture.PublishAsync(new { security = new { passwordMinLength = 12 } });
        var response = await PostAsync("/auth/signup-email", new { email = NewEmail(), password = "elevenchars", redirectURL = RedirectUrl });
        Assert.Contains("password", response.ValidationFields());
    }

    [Fact]
    public async Task SignInWithEmail_RepeatedFailures_LocksOutUntilTheLockoutEnds()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false }, security = new { lockoutThreshold = 3, lockoutMinutes = 15 } });
        var (email, _, _) = await SignUpWithSessionAsync();
        for (var i = 0; i < 3; i++)
            (await PostAsync("/auth/signin-email", new { email, password = "wrong password 1" })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");

        var locked = await PostAsync("/auth/signin-email", new { email, password = Password });
        locked.AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.NotNull(locked.Message.Headers.RetryAfter);

        Fixture.Time.Advance(TimeSpan.FromMinutes(16));
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInWithEmail_HashWithOldParameters_IsUpgradedOnSignIn()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false } });
        var (email, _, _) = await SignUpWithSessionAsync();
        var weak = PasswordHashFormat.Create(Password, iterations: 100_000);
        await using (var db = Db())
        {
            await db.Users.Where(u => u.Email == email)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, weak), TestContext.Current.CancellationToken);
        }

        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);

        await using var check = Db();
        var stored = await check.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(weak, stored);
        Assert.Contains("i=210000", stored);
    }

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex HexId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    internal static partial Regex IsoMillis();
}
