using Auth.Core.Passkeys;
using Auth.Core.Settings;

namespace Auth.Core.Tests.Settings;

public class PasskeysSettingsValidationTests
{
    private static IReadOnlyDictionary<string, string> Validate(string patch) =>
        SettingsValidator.Validate(SettingsTestData.WithPatch(patch));

    [Fact]
    public void Defaults_AreOffPreferredAndLeaveTheRelyingPartyToRunTime()
    {
        var passkeys = new AuthSettings().Passkeys;

        Assert.False(passkeys.Enabled);
        Assert.Null(passkeys.RpName);
        Assert.Null(passkeys.RpId);
        Assert.Empty(passkeys.Origins);
        Assert.Equal("required", passkeys.UserVerification);
    }

    [Theory]
    [InlineData("""{ "passkeys": { "enabled": true } }""")]
    [InlineData("""{ "passkeys": { "rpId": "example.com", "origins": ["https://example.com", "https://app.example.com:8443"] } }""")]
    [InlineData("""{ "passkeys": { "rpId": "localhost", "origins": ["http://localhost:3000"] } }""")]
    [InlineData("""{ "passkeys": { "origins": ["https://other.test"] } }""")]
    [InlineData("""{ "passkeys": { "rpName": "Acme", "userVerification": "required" } }""")]
    [InlineData("""{ "passkeys": { "userVerification": "discouraged", "rpId": "  " } }""")]
    public void Validate_ValidPasskeys_ReportsNothing(string patch) => Assert.Empty(Validate(patch));

    [Theory]
    [InlineData("""{ "passkeys": { "rpId": "https://example.com" } }""", "passkeys.rpId")]
    [InlineData("""{ "passkeys": { "rpId": "example.com:443" } }""", "passkeys.rpId")]
    [InlineData("""{ "passkeys": { "rpId": "Example.com" } }""", "passkeys.rpId")]
    [InlineData("""{ "passkeys": { "rpId": "example.com/login" } }""", "passkeys.rpId")]
    [InlineData("""{ "passkeys": { "userVerification": "always" } }""", "passkeys.userVerification")]
    [InlineData("""{ "passkeys": { "rpName": "Acme\nCorp" } }""", "passkeys.rpName")]
    [InlineData("""{ "passkeys": { "origins": ["https://example.com/login"] } }""", "passkeys.origins[0]")]
    [InlineData("""{ "passkeys": { "origins": ["https://example.com/"] } }""", "passkeys.origins[0]")]
    [InlineData("""{ "passkeys": { "origins": ["ftp://example.com"] } }""", "passkeys.origins[0]")]
    [InlineData("""{ "passkeys": { "origins": ["https://a.test", "https://A.test"] } }""", "passkeys.origins[1]")]
    [InlineData("""{ "passkeys": { "rpId": "example.com", "origins": ["https://example.org"] } }""", "passkeys.origins[0]")]
    [InlineData("""{ "passkeys": { "rpId": "example.com", "origins": ["https://badexample.com"] } }""", "passkeys.origins[0]")]
    public void Validate_BrokenPasskeysRule_ReportsField(string patch, string path) =>
        Assert.Equal([path], Validate(patch).Keys);

    [Theory]
    [InlineData(PasskeysSettings.RpNameMaxLength, true)]
    [InlineData(PasskeysSettings.RpNameMaxLength + 1, false)]
    public void Validate_RpNameLength_LimitIs100(int length, bool valid)
    {
        var settings = new AuthSettings { Passkeys = { RpName = new string('a', length) } };
        Assert.Equal(valid, !SettingsValidator.Validate(settings).ContainsKey("passkeys.rpName"));
    }

    [Theory]
    [InlineData(PasskeysSettings.OriginsMax, true)]
    [InlineData(PasskeysSettings.OriginsMax + 1, false)]
    public void Validate_OriginCount_LimitIs20(int count, bool valid)
    {
        var settings = new AuthSettings();
        settings.Passkeys.Origins.AddRange(Enumerable.Range(0, count).Select(i => $"https://app{i}.example.com"));
        Assert.Equal(valid, !SettingsValidator.Validate(settings).ContainsKey("passkeys.origins"));
    }

    [Fact]
    public void RelyingParty_Defaults_ComeFromThePublicBaseUrlAndTheRedirectUrls()
    {
        var settings = new AuthSettings { RedirectURLs = ["https://app.example.com/cb", "https://*.example.com/cb", "http://localhost:3000/x"] };
        var rp = new PasskeyRelyingParty(new AuthCoreOptions { PublicBaseUrl = "https://auth.example.com:8443" }, new FixedSettings(settings)).Current();

        Assert.Equal("auth.example.com", rp.Id);
        Assert.Equal(settings.App.Name, rp.Name);
        Assert.Equal(["http://localhost:3000", "https://app.example.com", "https://auth.example.com:8443"], rp.Origins.Order());
    }

    [Fact]
    public void RelyingParty_SetValues_WinOverTheDefaults()
    {
        var settings = new AuthSettings { Passkeys = { RpId = "example.com", RpName = "Acme", Origins = ["https://example.com"] } };
        var rp = new PasskeyRelyingParty(new AuthCoreOptions { PublicBaseUrl = "https://auth.example.com" }, new FixedSettings(settings)).Current();

        Assert.Equal(("example.com", "Acme"), (rp.Id, rp.Name));
        Assert.Equal(["https://example.com"], rp.Origins);
    }

    private sealed class FixedSettings(AuthSettings settings) : ISettingsReader
    {
        public SettingsSnapshot Current { get; } = new(1, settings, null);
    }
}
