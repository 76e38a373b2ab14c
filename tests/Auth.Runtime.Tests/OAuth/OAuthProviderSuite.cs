using Auth.Core.Tokens;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.OAuth;

/// <summary>Sign-up then sign-in through each provider's fake, and what each provider contributes to the user.</summary>
public abstract class OAuthProviderSuite(AppFixture fixture) : OAuthSuiteBase(fixture)
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignInWithProvider_FirstThenAgain_SignsUpThenSignsInTheSameUser(string provider)
    {
        var account = Fake[provider].NextUser;
        using var browser = NewBrowser();

        var (user, session, action) = await GrantAsync(await browser.SignInAsync(provider));

        Assert.Equal("oauth-signup", action);
        Assert.Equal(provider, user["provider"]!.GetValue<string>());
        Assert.Equal(account.Id, user["providerUserId"]!.GetValue<string>());
        Assert.Equal($"{provider} user", user["name"]!.GetValue<string>());
        Assert.NotNull(user["lastLoginAt"]);
        Assert.Equal(user["_id"]!.GetValue<string>(), session["userId"]!.GetValue<string>());
        Assert.StartsWith("ey", session["token"]!.GetValue<string>(), StringComparison.Ordinal);

        var (again, _, secondAction) = await GrantAsync(await browser.SignInAsync(provider));

        Assert.Equal("oauth-signin", secondAction);
        Assert.Equal(user["_id"]!.GetValue<string>(), again["_id"]!.GetValue<string>());
        Assert.Equal($"{provider} user", again["name"]!.GetValue<string>());
        Assert.Equal(1, await UserCountAsync(provider, account.Id));
    }

    [Theory]
    [InlineData("google", true, "https://lh3.googleusercontent.com/a/fake")]
    [InlineData("apple", true, null)]
    [InlineData("facebook", false, "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid={id}")]
    [InlineData("github", true, "https://avatars.githubusercontent.com/u/{id}?v=4")]
    [InlineData("discord", true, "https://cdn.discordapp.com/avatars/{id}/" + FakeDiscord.AvatarHash + ".png")]
    public async Task SignInWithProvider_Profile_MapsEmailVerificationAndPicture(string provider, bool verified, string? picture)
    {
        var account = Fake[provider].NextUser;
        using var browser = NewBrowser();

        var (user, _, _) = await GrantAsync(await browser.SignInAsync(provider));

        Assert.Equal(account.Email, user["email"]!.GetValue<string>());
        Assert.Equal(verified, user["emailVerified"]!.GetValue<bool>());
        Assert.Equal(picture?.Replace("{id}", account.Id, StringComparison.Ordinal), user["profilePicture"]?.GetValue<string>());
    }

    [Fact]
    public async Task SignInWithTwitter_NoEmailFromX_CreatesUserWithoutEmail()
    {
        using var browser = NewBrowser();

        var (user, _, _) = await GrantAsync(await browser.SignInAsync("twitter"));

        Assert.Null(user["email"]);
        Assert.Null(user["emailVerified"]);
        Assert.Equal("https://pbs.twimg.com/profile_images/1/fake_normal.jpg", user["profilePicture"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignInWithGithub_NoVerifiedPrimaryAddress_CreatesUserWithoutEmail()
    {
        Fake.Github.Emails = user => [new { email = user.Email, primary = true, verified = false, visibility = "private" }];
        using var browser = NewBrowser();

        var (user, _, _) = await GrantAsync(await browser.SignInAsync("github"));

        Assert.Null(user["email"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Start_RedirectsToProvider_WithStatePkceAndCallbackUrl(string provider)
    {
        using var browser = NewBrowser();

        var start = await browser.StartAsync(provider);
        await browser.AuthorizeAsync(start);

        var request = Assert.Single(Fake[provider].AuthorizeRequests);
        var state = request["state"].ToString();
        Assert.Matches("^[0-9a-f]{64}$", state); // 256 bits
        Assert.Equal($"http://auth.test/oauth/{provider}/callback", request["redirect_uri"].ToString());
        if (provider == "apple")
        {
            Assert.Equal("form_post", request["response_mode"].ToString());
            Assert.Empty(request["code_challenge"].ToString());
        }
        else
        {
            Assert.Equal("S256", request["code_challenge_method"].ToString());
            Assert.Matches("^[A-Za-z0-9_-]{43}$", request["code_challenge"].ToString());
        }
        Assert.Equal(provider is "google" or "apple", request["nonce"].ToString().Length > 0);
        Assert.Equal("no-store", start.Headers.CacheControl?.ToString());

        // Stored hashed, bound to this browser's cookie, single use, ten minutes.
        var cookie = Assert.Single(start.Headers.GetValues("Set-Cookie"), c => c.StartsWith("auth_oauth_binding=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/oauth", cookie, StringComparison.OrdinalIgnoreCase);
        var binding = cookie.Split(';')[0]["auth_oauth_binding=".Length..];
        await using var db = Db();
        var row = await db.OneTimeTokens.SingleAsync(t => t.TokenHash == TokenHashing.Hash(state), Ct);
        Assert.Equal(TokenPurposes.OAuthState, row.Purpose);
        Assert.Equal(TokenHashing.Hash(binding), row.Target);
        Assert.Equal(RedirectUrl, row.RedirectUrl);
        Assert.Equal(TimeSpan.FromMinutes(10), row.ExpiresAt - row.CreatedAt);
        Assert.DoesNotContain(state, row.Data!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInWithApple_ClientSecretIsAnEs256JwtFromTheP8Key()
    {
        using var browser = NewBrowser();

        await GrantAsync(await browser.SignInAsync("apple"));

        var secret = Fake.Apple.LastClientSecret;
        Assert.NotNull(secret);
        Assert.Equal("ES256", secret.Alg);
        Assert.Equal(Fake.Apple.KeyId, secret.Kid);
        Assert.Equal(Fake.Apple.TeamId, secret.Issuer);
        Assert.Equal(Fake.Apple.ClientId, secret.Subject);
        Assert.Equal(["https://appleid.apple.com"], secret.Audiences);
    }

    [Fact]
    public async Task SignInWithApple_NameOnlyOnFirstAuthorisation_IsKeptAfterwards()
    {
        Fake.Apple.NextUser = Fake.Apple.NextUser with { Name = "Rooby Apple" };
        using var browser = NewBrowser();

        var first = await browser.AuthorizeAsync(await browser.StartAsync("apple"));
        Assert.NotNull(first.Parameter("user"));
        var (user, _, _) = await GrantAsync(OAuthBrowser.AppRedirect(await browser.CallbackAsync(first)));
        var second = await browser.AuthorizeAsync(await browser.StartAsync("apple"));
        Assert.Null(second.Parameter("user"));
        var (again, _, action) = await GrantAsync(OAuthBrowser.AppRedirect(await browser.CallbackAsync(second)));

        Assert.Equal("Rooby Apple", user["name"]!.GetValue<string>());
        Assert.Equal("oauth-signin", action);
        Assert.Equal("Rooby Apple", again["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(IdTokenTamper.WrongNonce)]
    [InlineData(IdTokenTamper.WrongAudience)]
    [InlineData(IdTokenTamper.WrongIssuer)]
    [InlineData(IdTokenTamper.Expired)]
    [InlineData(IdTokenTamper.WrongKey)]
    [InlineData(IdTokenTamper.ExtraAudienceWithoutAzp)]
    [InlineData(IdTokenTamper.ExtraAudienceWrongAzp)]
    public async Task SignInWithGoogleOrApple_BadIdToken_IsOAuthFailedAndCreatesNoUser(IdTokenTamper tamper)
    {
        foreach (var provider in new FakeProvider[] { Fake.Google, Fake.Apple })
        {
            provider.Tamper = tamper;
            using var browser = NewBrowser();

            AssertErrorRedirect(await browser.SignInAsync(provider.Name), "oauth_failed", 502);

            Assert.Equal(0, await UserCountAsync(provider.Name, provider.NextUser.Id));
        }
    }

    [Fact]
    public async Task SignInWithGoogle_SeveralAudiencesWithOurAzp_SignsIn()
    {
        Fake.Google.Tamper = IdTokenTamper.ExtraAudienceWithAzp;
        using var browser = NewBrowser();

        var (user, _, _) = await GrantAsync(await browser.SignInAsync("google"));

        Assert.Equal(1, await UserCountAsync("google", Fake.Google.NextUser.Id));
        Assert.NotNull(user);
    }

    [Fact]
    public async Task SignInWithProvider_SameEmailAsAnotherProvidersUser_IsEmailNotUnique()
    {
        var email = NewEmail("shared");
        Fake.Github.NextUser = Fake.Github.NextUser with { Email = email };
        Fake.Google.NextUser = Fake.Google.NextUser with { Email = email.ToUpperInvariant() };
        using var browser = NewBrowser();
        await GrantAsync(await browser.SignInAsync("github"));

        AssertErrorRedirect(await browser.SignInAsync("google"), "email_not_unique", 409);

        Assert.Equal(0, await UserCountAsync("google", Fake.Google.NextUser.Id));
    }

    [Fact]
    public async Task SignInWithProvider_EmailOfALocalUser_IsEmailNotUniqueAndDoesNotLink()
    {
        var email = NewEmail("local");
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(System.Net.HttpStatusCode.OK);
        Fake.Discord.NextUser = Fake.Discord.NextUser with { Email = email };
        using var browser = NewBrowser();

        AssertErrorRedirect(await browser.SignInAsync("discord"), "email_not_unique", 409);

        await using var db = Db();
        Assert.Equal("local", (await db.Users.SingleAsync(u => u.Email == email, Ct)).Provider);
    }
}
