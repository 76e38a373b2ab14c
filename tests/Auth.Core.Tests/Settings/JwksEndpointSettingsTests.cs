using Auth.Core.Settings;

namespace Auth.Core.Tests.Settings;

/// <summary>The optional JWKS override of the providers whose ID tokens are validated (Google, Apple).</summary>
public class JwksEndpointSettingsTests
{
    [Fact]
    public void Defaults_AreNull_AndSerializeAfterTheSharedFields()
    {
        var json = SettingsJson.ToJsonObject(new AuthSettings());

        var google = json["providers"]!["google"]!.AsObject();
        var apple = json["providers"]!["apple"]!.AsObject();
        Assert.Null(google["jwksEndpoint"]);
        Assert.True(google.ContainsKey("jwksEndpoint"));
        Assert.Equal(["enabled", "clientId", "clientSecret", "authorizationEndpoint", "tokenEndpoint", "userInfoEndpoint", "jwksEndpoint"],
            google.Select(p => p.Key));
        Assert.Equal(["enabled", "clientId", "clientSecret", "authorizationEndpoint", "tokenEndpoint", "userInfoEndpoint", "jwksEndpoint", "teamId", "keyId", "privateKey"],
            apple.Select(p => p.Key));
        Assert.False(json["providers"]!["github"]!.AsObject().ContainsKey("jwksEndpoint"));
    }

    [Theory]
    [InlineData("google")]
    [InlineData("apple")]
    public void Parse_ValidOverride_RoundTrips(string provider)
    {
        var parsed = SettingsJson.Parse($$"""{ "providers": { "{{provider}}": { "jwksEndpoint": "http://127.0.0.1:5005/certs" } } }""");

        Assert.True(parsed.IsSuccess);
        var settings = Assert.IsAssignableFrom<OpenIdProviderSettings>(parsed.Value.Providers.Get(provider));
        Assert.Equal("http://127.0.0.1:5005/certs", settings.JwksEndpoint);
        Assert.Empty(SettingsValidator.Validate(parsed.Value));
    }

    [Theory]
    [InlineData("google", "ftp://keys.example.com")]
    [InlineData("apple", "/auth/keys")]
    [InlineData("google", "https://u:p@keys.example.com/certs")]
    public void Validate_BadOverride_NamesTheField(string provider, string value)
    {
        var parsed = SettingsJson.Parse($$"""{ "providers": { "{{provider}}": { "jwksEndpoint": "{{value}}" } } }""");

        Assert.True(parsed.IsSuccess);
        Assert.Equal([$"providers.{provider}.jwksEndpoint"], SettingsValidator.Validate(parsed.Value).Keys);
    }

    [Fact]
    public void Parse_OverrideOnAProviderWithoutIdTokens_IsUnknown()
    {
        var parsed = SettingsJson.Parse("""{ "providers": { "github": { "jwksEndpoint": "https://keys.example.com" } } }""");

        Assert.False(parsed.IsSuccess);
        var fields = (IReadOnlyDictionary<string, string>)parsed.Error.Details!["fields"]!;
        Assert.Equal("Unknown property.", fields["providers.github.jwksEndpoint"]);
    }
}
