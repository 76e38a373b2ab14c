using Auth.Core.Activity;
using Auth.Runtime.Tests.Infrastructure;
using Auth.Runtime.Tests.OAuth;
using static Auth.Runtime.Tests.Activity.ActivityEvents;

namespace Auth.Runtime.Tests.Activity;

/// <summary>OAuth through the fake provider: the sign-up and every sign-in name the provider.</summary>
public abstract class ActivityOAuthSuite(AppFixture fixture) : OAuthSuiteBase(fixture)
{
    [Fact]
    public async Task GithubSignUpThenSignIn_RecordProviderOnBoth_AndNoToken()
    {
        using var browser = NewBrowser();
        var (user, session, action) = await GrantAsync(await browser.SignInAsync("github"));
        using var again = NewBrowser();
        var (_, second, _) = await GrantAsync(await again.SignInAsync("github"));
        var userId = user["_id"]!.GetValue<string>();

        var events = await ReadAsync(Fixture, $"userId={userId}");

        Assert.Equal(Auth.Core.SignIn.ProviderSignInResult.SignUpAction, action);
        var signUp = Assert.Single(events, e => Type(e) == EventTypes.SignUp);
        Assert.Equal(("github", "oauth"), (Detail(signUp, "provider"), Detail(signUp, "method")));
        var signIns = events.Where(e => Type(e) == EventTypes.SignIn).ToList();
        Assert.Equal(2, signIns.Count);
        Assert.All(signIns, e => Assert.Equal(("github", "oauth"), (Detail(e, "provider"), Detail(e, "method"))));
        AssertNoSecret(events, session["token"]!.GetValue<string>(), second["token"]!.GetValue<string>());
    }
}
