using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Auth.Core.Settings;
using Microsoft.AspNetCore.DataProtection;

namespace Auth.Core.Tests.Settings;

public class SettingsSecretsTests
{
    private static JsonObject WithSecrets()
    {
        var settings = new AuthSettings();
        settings.Smtp.Password = "smtp-pass";
        settings.Sms.Twilio.AuthToken = "twilio-token";
        settings.Providers.Google.ClientSecret = "google-secret";
        settings.Providers.Apple.PrivateKey = "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----";
        return SettingsJson.ToJsonObject(settings);
    }

    private static string? At(JsonNode node, string path) =>
        (string?)path.Split('.').Aggregate((JsonNode?)node, (n, part) => n?[part]);

    private static IDataProtector Protector(IDataProtectionProvider? provider = null) =>
        (provider ?? new EphemeralDataProtectionProvider()).CreateProtector(SettingsSecrets.ProtectorPurpose);

    [Fact]
    public void Paths_ListEverySecret()
    {
        Assert.Equal(
            [
                "smtp.password", "sms.twilio.authToken", "sms.messageBird.accessKey", "sms.vonage.apiSecret",
                "providers.google.clientSecret", "providers.apple.clientSecret", "providers.facebook.clientSecret",
                "providers.twitter.clientSecret", "providers.github.clientSecret", "providers.discord.clientSecret",
                "providers.apple.privateKey",
            ],
            SettingsSecrets.Paths);
        // Every path exists in the document (so a rename can't silently leave a secret unprotected) and defaults to null.
        var defaults = SettingsJson.ToJsonObject(new AuthSettings());
        foreach (var path in SettingsSecrets.Paths)
        {
            var parent = path.Split('.')[..^1].Aggregate((JsonNode?)defaults, (n, part) => n?[part])!.AsObject();
            Assert.True(parent.TryGetPropertyValue(path.Split('.')[^1], out var value), path);
            Assert.Null(value);
        }
    }

    [Fact]
    public void Mask_SetSecretsReadAsStars_UnsetStayNull()
    {
        var plain = WithSecrets();

        var masked = SettingsSecrets.Mask(plain);

        Assert.Equal("********", At(masked, "smtp.password"));
        Assert.Equal("********", At(masked, "sms.twilio.authToken"));
        Assert.Equal("********", At(masked, "providers.google.clientSecret"));
        Assert.Equal("********", At(masked, "providers.apple.privateKey"));
        Assert.Null(At(masked, "sms.vonage.apiSecret"));
        Assert.Null(At(masked, "providers.github.clientSecret"));
        Assert.DoesNotContain("smtp-pass", masked.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("smtp-pass", At(plain, "smtp.password")); // input untouched
    }

    [Fact]
    public void MergeIncoming_Mask_KeepsStoredValue()
    {
        var stored = WithSecrets();
        var incoming = SettingsSecrets.Mask(stored);

        var merged = SettingsSecrets.MergeIncoming(incoming, stored);

        Assert.True(JsonNode.DeepEquals(stored, merged));
    }

    [Fact]
    public void MergeIncoming_NewValue_Replaces()
    {
        var stored = WithSecrets();
        var incoming = SettingsSecrets.Mask(stored);
        incoming["smtp"]!["password"] = "new-pass";

        var merged = SettingsSecrets.MergeIncoming(incoming, stored);

        Assert.Equal("new-pass", At(merged, "smtp.password"));
        Assert.Equal("twilio-token", At(merged, "sms.twilio.authToken"));
    }

    [Fact]
    public void MergeIncoming_Null_Clears()
    {
        var stored = WithSecrets();
        var incoming = SettingsSecrets.Mask(stored);
        incoming["providers"]!["google"]!["clientSecret"] = null;

        var merged = SettingsSecrets.MergeIncoming(incoming, stored);

        Assert.Null(At(merged, "providers.google.clientSecret"));
    }

    [Fact]
    public void MergeIncoming_MaskWithNothingStored_BecomesNull()
    {
        var incoming = SettingsJson.ToJsonObject(new AuthSettings());
        incoming["sms"]!["vonage"]!["apiSecret"] = SettingsSecrets.MaskValue;

        var merged = SettingsSecrets.MergeIncoming(incoming, SettingsJson.ToJsonObject(new AuthSettings()));

        Assert.Null(At(merged, "sms.vonage.apiSecret"));
    }

    [Fact]
    public void MergeIncoming_AfterMergePatchOfMaskedDraft_KeepsUntouchedSecrets()
    {
        var stored = WithSecrets();
        var patched = JsonMergePatch.Apply(SettingsSecrets.Mask(stored), JsonNode.Parse("""{ "smtp": { "host": "smtp.example.com" } }"""))!.AsObject();

        var merged = SettingsSecrets.MergeIncoming(patched, stored);

        Assert.Equal("smtp-pass", At(merged, "smtp.password"));
        Assert.Equal("smtp.example.com", At(merged, "smtp.host"));
    }

    [Fact]
    public void ProtectUnprotect_RoundTrips_AndStoredFormHidesPlaintext()
    {
        var protector = Protector();
        var plain = WithSecrets();

        var stored = SettingsSecrets.Protect(plain, protector);
        var back = SettingsSecrets.Unprotect(stored, protector);

        var text = stored.ToJsonString();
        foreach (var secret in new[] { "smtp-pass", "twilio-token", "google-secret", "abc" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.StartsWith(SettingsSecrets.ProtectedPrefix, At(stored, "smtp.password"), StringComparison.Ordinal);
        Assert.Null(At(stored, "sms.vonage.apiSecret"));
        Assert.True(JsonNode.DeepEquals(plain, back));
    }

    [Fact]
    public void Unprotect_WithAnotherKeyRing_ThrowsNamingThePath()
    {
        var stored = SettingsSecrets.Protect(WithSecrets(), Protector());

        var ex = Assert.Throws<SecretUnprotectException>(() => SettingsSecrets.Unprotect(stored, Protector()));

        Assert.Equal("smtp.password", ex.Path);
        Assert.Contains("key", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CryptographicException>(ex);
    }

    [Fact]
    public void Unprotect_PlaintextInStore_Throws()
    {
        var ex = Assert.Throws<SecretUnprotectException>(() => SettingsSecrets.Unprotect(WithSecrets(), Protector()));

        Assert.Equal("smtp.password", ex.Path);
    }

    [Fact]
    public void Protect_StillMasked_Throws()
    {
        var masked = SettingsSecrets.Mask(WithSecrets());

        Assert.Throws<InvalidOperationException>(() => SettingsSecrets.Protect(masked, Protector()));
    }

    [Fact]
    public void ChangedSecrets_ListsOnlyDifferences()
    {
        var a = WithSecrets();
        var b = WithSecrets();
        b["smtp"]!["password"] = "other";
        b["providers"]!["github"]!["clientSecret"] = "";

        Assert.Equal(["smtp.password"], SettingsSecrets.ChangedSecrets(a, b));
        Assert.True(SettingsSecrets.SecretChanged(a, b, "smtp.password"));
    }
}
