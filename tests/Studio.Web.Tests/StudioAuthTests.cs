using Studio.Web.Security;

namespace Studio.Web.Tests;

public sealed class StudioAuthTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("/settings/providers", "/settings/providers")]
    [InlineData("/users?page=2", "/users?page=2")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/signin", "/")]
    [InlineData("/SETUP?x=1", "/")]
    public void ReturnUrl_StaysOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, StudioAuth.SafeReturnUrl(returnUrl));
}
