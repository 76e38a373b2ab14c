using Auth.Core.Settings;

namespace Auth.Core.Tests.Settings;

public class MfaSettingsValidationTests
{
    private static IReadOnlyDictionary<string, string> Validate(string patch) =>
        SettingsValidator.Validate(SettingsTestData.WithPatch(patch));

    [Fact]
    public void Defaults_AreOffAndIssuerIsAppName()
    {
        var settings = new AuthSettings();

        Assert.False(settings.Mfa.Enabled);
        Assert.False(settings.Mfa.Required);
        Assert.Null(settings.Mfa.TotpIssuer);
        Assert.Equal(settings.App.Name, MfaSettings.IssuerFor(settings));
    }

    [Theory]
    [InlineData("""{ "mfa": { "enabled": true } }""")]
    [InlineData("""{ "mfa": { "enabled": true, "required": true } }""")]
    [InlineData("""{ "mfa": { "totpIssuer": "Acme Corp" } }""")]
    [InlineData("""{ "mfa": { "totpIssuer": "  " } }""")]
    public void Validate_ValidMfa_ReportsNothing(string patch) => Assert.Empty(Validate(patch));

    [Theory]
    [InlineData("""{ "mfa": { "required": true } }""", "mfa.required")]
    [InlineData("""{ "mfa": { "totpIssuer": "Acme:Corp" } }""", "mfa.totpIssuer")]
    [InlineData("""{ "mfa": { "totpIssuer": "Acme\nCorp" } }""", "mfa.totpIssuer")]
    public void Validate_BrokenMfaRule_ReportsField(string patch, string path) =>
        Assert.Equal([path], Validate(patch).Keys);

    [Theory]
    [InlineData(MfaSettings.TotpIssuerMaxLength, true)]
    [InlineData(MfaSettings.TotpIssuerMaxLength + 1, false)]
    public void Validate_TotpIssuerLength_LimitIs100(int length, bool valid)
    {
        var settings = new AuthSettings { Mfa = { TotpIssuer = new string('a', length) } };

        Assert.Equal(valid, !SettingsValidator.Validate(settings).ContainsKey("mfa.totpIssuer"));
    }

    [Fact]
    public void IssuerFor_SetIssuer_WinsOverAppName()
    {
        var settings = new AuthSettings { Mfa = { TotpIssuer = " Acme " } };

        Assert.Equal("Acme", MfaSettings.IssuerFor(settings));
    }
}
