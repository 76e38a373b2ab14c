using Auth.Runtime.OAuth;
using Auth.Runtime.OAuth.Providers;

namespace Auth.Runtime.Tests.OAuth;

/// <summary>The small pure pieces of the providers.</summary>
public class OAuthHelperTests
{
    [Theory]
    [InlineData("8342729096ea3675442027381ff50dfe", "https://cdn.discordapp.com/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png")]
    [InlineData("a_8342729096ea3675442027381ff50dfe", "https://cdn.discordapp.com/avatars/80351110224678912/a_8342729096ea3675442027381ff50dfe.gif")]
    [InlineData(null, null)]
    [InlineData("../../evil", null)]
    public void DiscordAvatarUrl_BuildsFromTheHash(string? hash, string? expected)
    {
        Assert.Equal(expected, DiscordProvider.AvatarUrl("80351110224678912", hash));
    }

    [Theory]
    [InlineData("""{"name":{"firstName":"Rooby","lastName":"Apple"},"email":"r@example.com"}""", "Rooby Apple")]
    [InlineData("""{"name":{"firstName":"Rooby"}}""", "Rooby")]
    [InlineData("""{"email":"r@example.com"}""", null)]
    [InlineData("not json", null)]
    [InlineData(null, null)]
    public void AppleUserField_GivesTheName(string? user, string? expected)
    {
        Assert.Equal(expected, AppleProvider.NameFromUserField(user));
    }

    [Theory]
    [InlineData("https://x.example/cb", "https://x.example/cb?a=1&b=two%20words")]
    [InlineData("https://x.example/cb?keep=1", "https://x.example/cb?keep=1&a=1&b=two%20words")]
    [InlineData("https://x.example/cb?", "https://x.example/cb?a=1&b=two%20words")]
    public void WithQuery_AppendsEscapedParameters(string url, string expected)
    {
        Assert.Equal(expected, OAuthUrl.WithQuery(url, [new("a", "1"), new("skipped", null), new("b", "two words")]));
    }

    [Fact]
    public void Pkce_ChallengeIsS256OfTheVerifier()
    {
        // RFC 7636, appendix B.
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", Pkce.NewVerifier());
    }
}
