using System.Security.Cryptography;
using Auth.Core.Errors;
using Auth.Core.Settings;

namespace Auth.Core.Tests.Settings;

public class SettingsValidatorTests
{
    private static IReadOnlyDictionary<string, string> Validate(string patch) =>
        SettingsValidator.Validate(SettingsTestData.WithPatch(patch));

    [Fact]
    public void Validate_LinkExpiresInBelow60_ReportsField()
    {
        var errors = Validate("""{ "email": { "linkExpiresIn": 59 } }""");

        Assert.Equal("Must be between 60 and 604800.", Assert.Single(errors).Value);
        Assert.Equal("email.linkExpiresIn", errors.Keys.Single());
    }

    [Theory]
    [InlineData("email", "linkExpiresIn", 60, 604800)]
    [InlineData("email", "unverifiedAccountTtlHours", 1, 8760)]
    [InlineData("smtp", "port", 1, 65535)]
    [InlineData("phone", "codeExpiresIn", 60, 86400)]
    [InlineData("security", "lockoutThreshold", 1, 100)]
    [InlineData("security", "lockoutMinutes", 1, 1440)]
    [InlineData("security", "ipRequestsPerMinute", 1, 100000)]
    [InlineData("security", "sendCooldownSeconds", 0, 3600)]
    [InlineData("security", "otpMaxAttempts", 1, 10)]
    [InlineData("security", "smsPerNumberPerDay", 1, 1000)]
    [InlineData("security", "smsPerIpPerHour", 1, 100000)]
    [InlineData("sms", "maxPerHour", 1, 1000000)]
    [InlineData("sessions", "lifetimeDays", 1, 365)]
    [InlineData("sessions", "idleTimeoutMinutes", 5, 43200)]
    [InlineData("sessions", "accessTokenExpiresIn", 30, 3600)]
    [InlineData("housekeeping", "sessionRetentionDays", 1, 3650)]
    [InlineData("housekeeping", "sentMessageRetentionDays", 1, 3650)]
    [InlineData("housekeeping", "failedMessageRetentionDays", 1, 3650)]
    [InlineData("housekeeping", "tokenRetentionDays", 1, 3650)]
    [InlineData("events", "retentionDays", 1, 3650)]
    public void Validate_Range_AcceptsBoundsAndReportsJustOutside(string group, string field, int min, int max)
    {
        var path = $"{group}.{field}";
        string Patch(int value) => $$"""{ "{{group}}": { "{{field}}": {{value}} } }""";

        Assert.Empty(Validate(Patch(min)));
        Assert.Empty(Validate(Patch(max)));
        Assert.Contains(path, Validate(Patch(min - 1)));
        Assert.Contains(path, Validate(Patch(max + 1)));
    }

    [Theory]
    [InlineData("""{ "security": { "passwordMinLength": 6 } }""")]
    [InlineData("""{ "security": { "passwordMinLength": 128, "passwordMaxLength": 128 } }""")]
    [InlineData("""{ "security": { "passwordMaxLength": 64 } }""")]
    [InlineData("""{ "security": { "passwordMaxLength": 4096 } }""")]
    [InlineData("""{ "sessions": { "idleTimeoutMinutes": null } }""")]
    [InlineData("""{ "phone": { "enabled": true } }""")] // no SMS credentials: messages go to the dev outbox
    [InlineData("""{ "smtp": { "host": "smtp.example.com", "fromEmail": "no-reply@example.com" } }""")]
    [InlineData("""{ "smtp": { "fromEmail": "", "host": "" } }""")]
    [InlineData("""{ "providers": { "github": { "enabled": true, "clientId": "id", "clientSecret": "s", "userInfoEndpoint": "https://ghe.example.com/api/v3/user" } } }""")]
    [InlineData("""{ "sms": { "twilio": { "apiBaseUrl": "http://127.0.0.1:5005" } } }""")]
    [InlineData("""{ "messages": { "verify_sms_code": { "subject": null } } }""")]
    [InlineData("""{ "redirectURLs": [] }""")]
    [InlineData("""{ "phone": { "blockedNumberTypes": [] } }""")]
    [InlineData("""{ "phone": { "blockedNumberTypes": ["premiumRate", "sharedCost", "voip", "tollFree", "uan", "unknown"] } }""")]
    [InlineData("""{ "phone": { "allowedCountries": ["US", "FR", "GB"] } }""")]
    [InlineData("""{ "redirectURLs": ["https://*.preview.example.com/cb", "http://*.localhost:3000/", "https://app.example.com/u/*/done"] }""")]
    public void Validate_ValidEdgeCases_ReportNothing(string patch)
    {
        Assert.Empty(Validate(patch));
    }

    [Theory]
    [InlineData("""{ "security": { "passwordMinLength": 5 } }""", "security.passwordMinLength")]
    [InlineData("""{ "security": { "passwordMinLength": 129, "passwordMaxLength": 4096 } }""", "security.passwordMinLength")]
    [InlineData("""{ "security": { "passwordMaxLength": 63 } }""", "security.passwordMaxLength")]
    [InlineData("""{ "security": { "passwordMaxLength": 4097 } }""", "security.passwordMaxLength")]
    [InlineData("""{ "security": { "passwordMinLength": 100, "passwordMaxLength": 99 } }""", "security.passwordMaxLength")]
    [InlineData("""{ "sessions": { "jwtAlgorithm": "RS256" } }""", "sessions.jwtAlgorithm")]
    [InlineData("""{ "sessions": { "jwtAlgorithm": "es256" } }""", "sessions.jwtAlgorithm")]
    [InlineData("""{ "app": { "name": " " } }""", "app.name")]
    [InlineData("""{ "app": { "name": "A\nB" } }""", "app.name")]
    [InlineData("""{ "smtp": { "host": "smtp.example.com" } }""", "smtp.fromEmail")]
    [InlineData("""{ "smtp": { "host": "smtp://smtp.example.com" , "fromEmail": "a@example.com" } }""", "smtp.host")]
    [InlineData("""{ "smtp": { "fromEmail": "not-an-address" } }""", "smtp.fromEmail")]
    [InlineData("""{ "smtp": { "fromEmail": "Name <a@example.com>" } }""", "smtp.fromEmail")]
    [InlineData("""{ "smtp": { "fromName": "Bad\r\nBcc: x@evil.com" } }""", "smtp.fromName")]
    [InlineData("""{ "sms": { "twilio": { "apiBaseUrl": "ftp://api.example.com" } } }""", "sms.twilio.apiBaseUrl")]
    [InlineData("""{ "phone": { "blockedNumberTypes": ["premium_rate"] } }""", "phone.blockedNumberTypes[0]")]
    [InlineData("""{ "phone": { "blockedNumberTypes": ["unknown", "PremiumRate"] } }""", "phone.blockedNumberTypes[1]")]
    [InlineData("""{ "phone": { "blockedNumberTypes": ["unknown", "unknown"] } }""", "phone.blockedNumberTypes[1]")]
    [InlineData("""{ "phone": { "allowedCountries": ["us"] } }""", "phone.allowedCountries[0]")]
    [InlineData("""{ "phone": { "allowedCountries": ["FR", "USA"] } }""", "phone.allowedCountries[1]")]
    [InlineData("""{ "phone": { "allowedCountries": ["FR", "XX"] } }""", "phone.allowedCountries[1]")]
    [InlineData("""{ "phone": { "allowedCountries": ["FR", "FR"] } }""", "phone.allowedCountries[1]")]
    [InlineData("""{ "sms": { "messageBird": { "apiBaseUrl": "/relative" } } }""", "sms.messageBird.apiBaseUrl")]
    [InlineData("""{ "sms": { "vonage": { "apiBaseUrl": "https://u:p@api.example.com" } } }""", "sms.vonage.apiBaseUrl")]
    [InlineData("""{ "providers": { "google": { "tokenEndpoint": "javascript:alert(1)" } } }""", "providers.google.tokenEndpoint")]
    [InlineData("""{ "providers": { "discord": { "authorizationEndpoint": "discord.com/oauth2" } } }""", "providers.discord.authorizationEndpoint")]
    [InlineData("""{ "providers": { "google": { "enabled": true, "clientSecret": "s" } } }""", "providers.google.clientId")]
    [InlineData("""{ "providers": { "twitter": { "enabled": true, "clientId": "id" } } }""", "providers.twitter.clientSecret")]
    [InlineData("""{ "providers": { "apple": { "enabled": true, "clientId": "c", "teamId": "T", "keyId": "K" } } }""", "providers.apple.privateKey")]
    [InlineData("""{ "providers": { "apple": { "privateKey": "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----" } } }""", "providers.apple.privateKey")]
    [InlineData("""{ "messages": { "confirm_email": { "subject": "" } } }""", "messages.confirm_email.subject")]
    [InlineData("""{ "messages": { "magic_link": { "subject": "Hi\nBcc: x@evil.com" } } }""", "messages.magic_link.subject")]
    [InlineData("""{ "messages": { "reset_password": { "fromName": "A\rB" } } }""", "messages.reset_password.fromName")]
    [InlineData("""{ "messages": { "confirm_email_change": { "fromEmail": "x@" } } }""", "messages.confirm_email_change.fromEmail")]
    [InlineData("""{ "messages": { "signin_sms_code": { "body": "  " } } }""", "messages.signin_sms_code.body")]
    public void Validate_BrokenRule_ReportsField(string patch, string path)
    {
        var errors = Validate(patch);

        Assert.Equal([path], errors.Keys);
    }

    [Fact]
    public void Validate_EnabledProviderWithNothing_ReportsBothCredentials()
    {
        var errors = Validate("""{ "providers": { "facebook": { "enabled": true } } }""");

        Assert.Equal(["providers.facebook.clientId", "providers.facebook.clientSecret"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_EnabledAppleWithNothing_ReportsKeyFieldsNotClientSecret()
    {
        var errors = Validate("""{ "providers": { "apple": { "enabled": true } } }""");

        Assert.Equal(
            ["providers.apple.clientId", "providers.apple.keyId", "providers.apple.privateKey", "providers.apple.teamId"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_AppleWithRealP8Key_IsValid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var settings = new AuthSettings();
        settings.Providers.Apple.Enabled = true;
        settings.Providers.Apple.ClientId = "com.example.web";
        settings.Providers.Apple.TeamId = "TEAM123456";
        settings.Providers.Apple.KeyId = "KEY1234567";
        settings.Providers.Apple.PrivateKey = key.ExportPkcs8PrivateKeyPem();

        Assert.Empty(SettingsValidator.Validate(settings));
    }

    [Fact]
    public void Validate_AppleWithP384Key_ReportsPrivateKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var settings = new AuthSettings();
        settings.Providers.Apple.PrivateKey = key.ExportPkcs8PrivateKeyPem();

        Assert.Equal(["providers.apple.privateKey"], SettingsValidator.Validate(settings).Keys);
    }

    [Theory]
    [InlineData(998, true)]
    [InlineData(999, false)]
    public void Validate_SubjectLength_LimitIs998(int length, bool valid)
    {
        var settings = new AuthSettings();
        settings.Messages.ConfirmEmail.Subject = new string('s', length);

        Assert.Equal(valid, SettingsValidator.Validate(settings).Count == 0);
    }

    [Theory]
    [InlineData(65536, true)]
    [InlineData(65537, false)]
    public void Validate_BodySize_LimitIs64KB(int bytes, bool valid)
    {
        var settings = new AuthSettings();
        settings.Messages.MagicLink.Body = new string('b', bytes);

        Assert.Equal(valid, !SettingsValidator.Validate(settings).ContainsKey("messages.magic_link.body"));
    }

    [Fact]
    public void Validate_BodySize_CountsUtf8Bytes()
    {
        var settings = new AuthSettings();
        settings.Messages.MagicLink.Body = new string('é', 40_000); // 80 000 bytes

        Assert.Contains("messages.magic_link.body", SettingsValidator.Validate(settings));
    }

    [Fact]
    public void Validate_UndefinedEnumValues_AreReported()
    {
        var settings = new AuthSettings();
        settings.Smtp.Security = (SmtpSecurity)42;
        settings.Phone.SmsProvider = (SmsProvider)42;

        Assert.Equal(["phone.smsProvider", "smtp.security"], SettingsValidator.Validate(settings).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("https://app.example.com/cb#top", "redirectURLs[0]")]
    [InlineData("https://app.example.com/cb?x=1", "redirectURLs[0]")]
    [InlineData("/auth-redirect", "redirectURLs[0]")]
    [InlineData("javascript:alert(1)", "redirectURLs[0]")]
    [InlineData("https://user@app.example.com/cb", "redirectURLs[0]")]
    [InlineData("https://*.com/cb", "redirectURLs[0]")]
    [InlineData("https://*.example.com:*/cb", "redirectURLs[0]")]
    [InlineData("https://app.*/cb", "redirectURLs[0]")]
    [InlineData("https://*/cb", "redirectURLs[0]")]
    [InlineData("", "redirectURLs[0]")]
    public void Validate_BadRedirectUrl_ReportsEntry(string url, string path)
    {
        var settings = new AuthSettings { RedirectURLs = [url] };

        Assert.Equal([path], SettingsValidator.Validate(settings).Keys);
    }

    [Fact]
    public void Validate_DuplicateRedirectUrlsAfterNormalisation_ReportsSecond()
    {
        var settings = new AuthSettings { RedirectURLs = ["https://app.example.com/cb", "HTTPS://App.Example.com:443/cb"] };

        var errors = SettingsValidator.Validate(settings);

        Assert.StartsWith("Duplicate of redirectURLs[0]", Assert.Contains("redirectURLs[1]", errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Validate_RedirectUrlCount_AtMost100(int count, bool valid)
    {
        var settings = new AuthSettings { RedirectURLs = [.. Enumerable.Range(0, count).Select(i => $"https://app.example.com/cb{i}")] };

        Assert.Equal(valid, !SettingsValidator.Validate(settings).ContainsKey("redirectURLs"));
    }

    [Fact]
    public void Check_Invalid_ReturnsValidationError()
    {
        var settings = new AuthSettings();
        settings.Email.LinkExpiresIn = 0;

        var result = SettingsValidator.Check(settings);

        Assert.Equal(AuthErrors.ValidationError, result.Error!.Code);
        Assert.Contains("email.linkExpiresIn", SettingsTestData.Fields(result.Error));
    }
}
