using System.Security.Cryptography;
using Auth.Core.Mfa;
using Auth.Core.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Auth.Core.Tests.Mfa;

public class TotpPiecesTests
{
    [Fact]
    public void Build_IssuerWithColonAndSpaces_IsEscapedAndKeepsOneSeparator()
    {
        var uri = TotpEnrollmentUri.Build("Acme: Web", "ada+1@example.test", "JBSWY3DPEHPK3PXP");

        Assert.Equal(
            "otpauth://totp/Acme%20%20Web:ada%2B1%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20%20Web&algorithm=SHA1&digits=6&period=30",
            uri);
    }

    [Fact]
    public void TotpSecrets_AreNotReadableAsSettingsSecrets()
    {
        var provider = new EphemeralDataProtectionProvider();
        var stored = new TotpSecrets(provider).Protect([1, 2, 3]);

        Assert.Equal([1, 2, 3], new TotpSecrets(provider).Unprotect(stored));
        Assert.ThrowsAny<CryptographicException>(() => new SettingsProtector(provider).Protector.Unprotect(Convert.FromBase64String(stored)));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("")]
    [InlineData(null)]
    public void MatchStep_NotSixDigits_IsNoMatch(string? code)
    {
        var totp = new TotpCodes(new FakeTimeProvider());

        Assert.Null(totp.MatchStep(TotpCodes.NewSecret(), code));
    }

    [Fact]
    public void MatchStep_CodeWithSpaceAsAppsShowIt_Matches()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var secret = TotpCodes.NewSecret();
        var code = new Totp(secret).ComputeTotp(time.GetUtcNow().UtcDateTime);

        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds() / TotpCodes.StepSeconds, new TotpCodes(time).MatchStep(secret, code[..3] + " " + code[3..]));
    }
}
