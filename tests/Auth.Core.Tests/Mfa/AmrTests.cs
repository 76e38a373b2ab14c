using Auth.Core.Mfa;

namespace Auth.Core.Tests.Mfa;

/// <summary>How a session's stored amr reads as a list, upgrades, and maps to RFC 8176 for the JWT.</summary>
public sealed class AmrTests
{
    [Theory]
    [InlineData("pwd", new[] { "pwd" })]
    [InlineData("pwd totp", new[] { "pwd", "otp", "mfa" })]
    [InlineData("sms recovery", new[] { "sms", "otp", "mfa" })]
    [InlineData("email", new[] { "email" })]
    [InlineData("oauth totp", new[] { "oauth", "otp", "mfa" })]
    [InlineData(null, new string[0])]
    public void ToRfc8176_OurNames_MapToRegisteredValues(string? stored, string[] claim) =>
        Assert.Equal(claim, Amr.ToRfc8176(stored));

    [Theory]
    [InlineData("pwd", false)]
    [InlineData("pwd totp", true)]
    [InlineData("email recovery", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void HasSecondFactor_OnlyTotpOrRecoveryCount(string? stored, bool expected) =>
        Assert.Equal(expected, Amr.HasSecondFactor(stored));

    [Theory]
    [InlineData("pwd", "pwd totp")]
    [InlineData("pwd totp", "pwd totp")]
    [InlineData(null, "totp")]
    public void With_AddsTheMethodOnce(string? stored, string expected) =>
        Assert.Equal(expected, Amr.With(stored, Amr.Totp));
}
