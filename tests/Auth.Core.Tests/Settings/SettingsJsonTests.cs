using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;

namespace Auth.Core.Tests.Settings;

public class SettingsJsonTests
{
    private static JsonObject Defaults() => SettingsJson.ToJsonObject(new AuthSettings());

    private static IReadOnlyDictionary<string, string> ParseErrors(string json)
    {
        var result = SettingsJson.Parse(json);
        Assert.False(result.IsSuccess);
        Assert.Equal(AuthErrors.ValidationError, result.Error.Code);
        return SettingsTestData.Fields(result.Error);
    }

    [Fact]
    public void Defaults_Serialise_ToTheDesignShape()
    {
        var json = Defaults();

        Assert.Equal(
            ["redirectURLs", "app", "email", "smtp", "phone", "sms", "providers", "messages", "security", "sessions", "housekeeping", "mfa", "events", "passkeys"],
            json.Select(p => p.Key));
        Assert.Equal("""{"enabled":false,"required":false,"totpIssuer":null}""", json["mfa"]!.ToJsonString());
        Assert.Equal("""{"retentionDays":90}""", json["events"]!.ToJsonString());
        Assert.Equal("""{"enabled":false,"rpName":null,"rpId":null,"origins":[],"userVerification":"required"}""", json["passkeys"]!.ToJsonString());
        Assert.Equal("""["http://localhost:3000/auth-redirect"]""", json["redirectURLs"]!.ToJsonString());
        Assert.Equal("""{"name":"My App"}""", json["app"]!.ToJsonString());
        Assert.Equal("""{"enabled":true,"confirmEmail":true,"linkExpiresIn":3600,"unverifiedAccountTtlHours":72}""", json["email"]!.ToJsonString());
        Assert.Equal(
            """{"host":null,"port":587,"security":"StartTls","user":null,"password":null,"fromEmail":null,"fromName":null}""",
            json["smtp"]!.ToJsonString());
        Assert.Equal(
            """{"enabled":false,"confirmPhone":true,"allowCodeSignIn":true,"codeExpiresIn":600,"smsProvider":"Twilio","blockedNumberTypes":["premiumRate","sharedCost","unknown"],"allowedCountries":[]}""",
            json["phone"]!.ToJsonString());
        Assert.Equal(
            """{"maxPerHour":1000,"twilio":{"accountSid":null,"authToken":null,"from":null,"apiBaseUrl":null},"messageBird":{"accessKey":null,"originator":null,"apiBaseUrl":null},"vonage":{"apiKey":null,"apiSecret":null,"from":null,"apiBaseUrl":null}}""",
            json["sms"]!.ToJsonString());
        Assert.Equal(
            """{"passwordMinLength":8,"passwordMaxLength":64,"lockoutThreshold":10,"lockoutMinutes":15,"ipRequestsPerMinute":60,"sendCooldownSeconds":60,"otpMaxAttempts":5,"smsPerNumberPerDay":10,"smsPerIpPerHour":20,"enumerationProtection":false,"linkScannerProtection":false}""",
            json["security"]!.ToJsonString());
        Assert.Equal(
            """{"lifetimeDays":30,"idleTimeoutMinutes":null,"accessTokenExpiresIn":300,"jwtAlgorithm":"ES256"}""",
            json["sessions"]!.ToJsonString());
        Assert.Equal(
            """{"sessionRetentionDays":7,"sentMessageRetentionDays":30,"failedMessageRetentionDays":90,"tokenRetentionDays":1}""",
            json["housekeeping"]!.ToJsonString());
    }

    [Fact]
    public void Defaults_Providers_HaveTheDesignKeys()
    {
        var providers = Defaults()["providers"]!.AsObject();

        Assert.Equal(["google", "apple", "facebook", "twitter", "github", "discord"], providers.Select(p => p.Key));
        Assert.Equal(
            """{"enabled":false,"clientId":null,"clientSecret":null,"authorizationEndpoint":null,"tokenEndpoint":null,"userInfoEndpoint":null,"jwksEndpoint":null}""",
            providers["google"]!.ToJsonString());
        Assert.Equal(
            """{"enabled":false,"clientId":null,"clientSecret":null,"authorizationEndpoint":null,"tokenEndpoint":null,"userInfoEndpoint":null}""",
            providers["github"]!.ToJsonString());
        Assert.Equal(
            ["enabled", "clientId", "clientSecret", "authorizationEndpoint", "tokenEndpoint", "userInfoEndpoint", "jwksEndpoint", "teamId", "keyId", "privateKey"],
            providers["apple"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Defaults_Messages_HaveATemplatePerTypeWithScribanBodies()
    {
        var messages = Defaults()["messages"]!.AsObject();

        Assert.Equal(MessageType.All, messages.Select(p => p.Key));
        foreach (var key in MessageType.All)
        {
            var template = messages[key]!.AsObject();
            Assert.Equal(["subject", "fromEmail", "fromName", "body"], template.Select(p => p.Key));
            var body = (string)template["body"]!;
            Assert.Contains("{{ app.name }}", body, StringComparison.Ordinal);
            if (MessageType.IsEmail(key))
            {
                Assert.Contains("{{ token.confirmationURL }}", body, StringComparison.Ordinal);
                Assert.Contains("{{ user.name }}", body, StringComparison.Ordinal);
                // account_exists links to the app itself, which does not expire.
                if (key != MessageType.AccountExists) Assert.Contains("{{ token.expiresIn }}", body, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace((string?)template["subject"]));
            }
            else
            {
                Assert.Contains("{{ token.code }}", body, StringComparison.Ordinal);
                Assert.True(body.Length <= 160, $"{key} default should fit one SMS segment");
            }
        }
    }

    [Fact]
    public void Serialize_KeepsHtmlTemplatesReadable()
    {
        var json = SettingsJson.Serialize(new AuthSettings());

        Assert.Contains("<!DOCTYPE html>", json, StringComparison.Ordinal);
        Assert.Contains("{{ token.confirmationURL }}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Empty(SettingsValidator.Validate(new AuthSettings()));
    }

    [Fact]
    public void Serialize_ThenParse_RoundTrips()
    {
        var settings = SettingsTestData.WithPatch("""
            { "redirectURLs": ["https://app.example.com/cb", "https://*.preview.example.com/cb"],
              "smtp": { "host": "smtp.example.com", "security": "SslOnConnect", "password": "p", "fromEmail": "no-reply@example.com" },
              "phone": { "enabled": true, "smsProvider": "Vonage" },
              "providers": { "apple": { "enabled": true, "teamId": "T" } },
              "messages": { "magic_link": { "subject": "Hi" } },
              "sessions": { "idleTimeoutMinutes": 60 } }
            """);

        var json = SettingsJson.Serialize(settings);
        var again = SettingsJson.Parse(json);

        Assert.True(again.IsSuccess);
        Assert.Equal(json, SettingsJson.Serialize(again.Value));
        Assert.Equal(SmsProvider.Vonage, again.Value.Phone.SmsProvider);
        Assert.Equal(60, again.Value.Sessions.IdleTimeoutMinutes);
    }

    [Fact]
    public void Parse_MissingProperties_TakeDefaults()
    {
        var result = SettingsJson.Parse("""{ "email": { "linkExpiresIn": 120 }, "messages": { "confirm_email": { "subject": "Welcome" } } }""");

        Assert.True(result.IsSuccess);
        Assert.Equal(120, result.Value.Email.LinkExpiresIn);
        Assert.True(result.Value.Email.ConfirmEmail);
        Assert.Equal(["http://localhost:3000/auth-redirect"], result.Value.RedirectURLs);
        Assert.Equal("Welcome", result.Value.Messages.ConfirmEmail.Subject);
        // The template keeps its own type's default body, not an empty one.
        Assert.Equal(MessageDefaults.ConfirmEmailBody, result.Value.Messages.ConfirmEmail.Body);
    }

    [Fact]
    public void Parse_GivenList_ReplacesDefaultList()
    {
        var result = SettingsJson.Parse("""{ "redirectURLs": ["https://a.example.com/"] }""");

        Assert.Equal(["https://a.example.com/"], result.Value.RedirectURLs);
    }

    [Fact]
    public void Parse_EnumNames_AreCaseInsensitiveButWrittenCanonically()
    {
        var result = SettingsJson.Parse("""{ "smtp": { "security": "none" } }""");

        Assert.True(result.IsSuccess);
        Assert.Equal(SmtpSecurity.None, result.Value.Smtp.Security);
        Assert.Equal("None", (string)SettingsJson.ToJsonObject(result.Value)["smtp"]!["security"]!);
    }

    [Theory]
    [InlineData("""{ "email": { "linkExpiresIn": "3600" } }""", "email.linkExpiresIn", "Expected a whole number.")]
    [InlineData("""{ "email": { "linkExpiresIn": 3600.5 } }""", "email.linkExpiresIn", "Expected a whole number.")]
    [InlineData("""{ "email": { "linkExpiresIn": 1e3 } }""", "email.linkExpiresIn", "Expected a whole number.")]
    [InlineData("""{ "email": { "linkExpiresIn": 99999999999 } }""", "email.linkExpiresIn", "Expected a whole number.")]
    [InlineData("""{ "providers": { "google": { "enabled": "yes" } } }""", "providers.google.enabled", "Expected true or false.")]
    [InlineData("""{ "providers": { "google": { "enabled": null } } }""", "providers.google.enabled", "Must not be null.")]
    [InlineData("""{ "smtp": { "host": 25 } }""", "smtp.host", "Expected a string.")]
    [InlineData("""{ "smtp": { "security": "Tls" } }""", "smtp.security", "Expected one of: None, StartTls, SslOnConnect.")]
    [InlineData("""{ "smtp": { "security": 1 } }""", "smtp.security", "Expected one of: None, StartTls, SslOnConnect.")]
    [InlineData("""{ "phone": { "smsProvider": "Plivo" } }""", "phone.smsProvider", "Expected one of: Twilio, MessageBird, Vonage.")]
    [InlineData("""{ "email": null }""", "email", "Must not be null.")]
    [InlineData("""{ "email": [] }""", "email", "Expected an object.")]
    [InlineData("""{ "redirectURLs": "https://a.example.com" }""", "redirectURLs", "Expected an array.")]
    [InlineData("""{ "redirectURLs": ["https://a.example.com", null] }""", "redirectURLs[1]", "Must not be null.")]
    [InlineData("""{ "redirectURLs": null }""", "redirectURLs", "Must not be null.")]
    [InlineData("""{ "messages": { "confirm_email": { "body": null } } }""", "messages.confirm_email.body", "Must not be null.")]
    [InlineData("""{ "app": { "name": null } }""", "app.name", "Must not be null.")]
    [InlineData("""{ "sessions": { "lifetimeDays": null } }""", "sessions.lifetimeDays", "Must not be null.")]
    public void Parse_WrongType_NamesThePath(string json, string path, string message)
    {
        var fields = ParseErrors(json);

        Assert.Equal(message, Assert.Contains(path, fields));
    }

    [Theory]
    [InlineData("""{ "colour": "blue" }""", "colour")]
    [InlineData("""{ "email": { "linkExpiry": 60 } }""", "email.linkExpiry")]
    [InlineData("""{ "providers": { "gitlab": {} } }""", "providers.gitlab")]
    [InlineData("""{ "messages": { "welcome": {} } }""", "messages.welcome")]
    [InlineData("""{ "Email": {} }""", "Email")]
    public void Parse_UnknownProperty_NamesThePath(string json, string path)
    {
        Assert.Equal("Unknown property.", Assert.Contains(path, ParseErrors(json)));
    }

    [Fact]
    public void Parse_DuplicateProperty_IsReported()
    {
        Assert.Equal("Duplicate property.", Assert.Contains("email.enabled", ParseErrors("""{ "email": { "enabled": true, "enabled": false } }""")));
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReported()
    {
        var fields = ParseErrors("""{ "email": { "enabled": 1 }, "smtp": { "port": "x" }, "extra": true }""");

        Assert.Equal(["email.enabled", "extra", "smtp.port"], fields.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{ "email": { "enabled": true, } }""")]
    [InlineData("""{ /* comment */ }""")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("42")]
    public void Parse_MalformedOrNotAnObject_ReportsRoot(string json)
    {
        var fields = ParseErrors(json);

        Assert.Equal([SettingsJson.RootPath], fields.Keys);
    }

    [Fact]
    public void Parse_MalformedJson_MessageSaysWhere()
    {
        Assert.StartsWith("Malformed JSON:", ParseErrors("{ \"email\": ")[SettingsJson.RootPath], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonNodeNull_ReportsRoot()
    {
        var result = SettingsJson.Parse((JsonNode?)null);

        Assert.Equal([SettingsJson.RootPath], SettingsTestData.Fields(result.Error!).Keys);
    }

    [Fact]
    public void Parse_JsonNodeBuiltInCode_AcceptsCSharpNumbers()
    {
        var node = new JsonObject { ["email"] = new JsonObject { ["linkExpiresIn"] = 120L } };

        Assert.Equal(120, SettingsJson.Parse(node).Value.Email.LinkExpiresIn);
    }

    [Fact]
    public void Options_AreReadOnly()
    {
        Assert.True(SettingsJson.Options.IsReadOnly);
    }
}
