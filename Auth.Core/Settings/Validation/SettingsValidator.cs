using System.Security.Cryptography;
using System.Text;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Users;

namespace Auth.Core.Settings;

/// <summary>
/// The semantic rules of <see cref="AuthSettings"/> (ranges, required pairs, URL and address formats).
/// Structural problems (types, unknown properties) are <see cref="SettingsJson.Parse(string)"/>'s job.
/// Blank strings count as "not set" everywhere, the same as null.
/// </summary>
public static class SettingsValidator
{
    /// <summary>Messages keyed by JSON path (<c>email.linkExpiresIn</c>); empty when the settings are valid.</summary>
    public static IReadOnlyDictionary<string, string> Validate(AuthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new FieldErrors();
        RedirectUrls(settings.RedirectURLs, errors);
        App(settings.App, errors);
        Email(settings.Email, errors);
        Smtp(settings.Smtp, errors);
        Phone(settings.Phone, errors);
        Sms(settings.Sms, errors);
        Providers(settings.Providers, errors);
        Messages(settings.Messages, errors);
        Security(settings.Security, errors);
        Sessions(settings.Sessions, errors);
        Housekeeping(settings.Housekeeping, errors);
        Mfa(settings.Mfa, errors);
        errors.Range("events.retentionDays", settings.Events.RetentionDays, EventsSettings.RetentionDaysMin, EventsSettings.RetentionDaysMax);
        PasskeysValidator.Validate(settings.Passkeys, errors);
        return errors.Result;
    }

    /// <summary>The settings themselves when valid, otherwise a <c>validation_error</c> naming each field.</summary>
    public static Result<AuthSettings> Check(AuthSettings settings)
    {
        var errors = Validate(settings);
        return errors.Count == 0 ? settings : AuthError.Validation(errors);
    }

    private static void RedirectUrls(List<string> urls, FieldErrors errors)
    {
        if (urls.Count > RedirectUrlMatcher.MaxEntries)
            errors.Add("redirectURLs", $"At most {RedirectUrlMatcher.MaxEntries} redirect URLs are allowed.");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < urls.Count; i++)
        {
            var path = $"redirectURLs[{i}]";
            if (RedirectUrlMatcher.ValidateEntry(urls[i]) is { } problem)
            {
                errors.Add(path, problem);
                continue;
            }
            var normalized = RedirectUrlMatcher.Normalize(urls[i], allowWildcards: true);
            if (!seen.TryAdd(normalized, i))
                errors.Add(path, $"Duplicate of redirectURLs[{seen[normalized]}] ({normalized}).");
        }
    }

    private static void App(ApplicationSettings app, FieldErrors errors)
    {
        errors.Required("app.name", app.Name);
        errors.HeaderText("app.name", app.Name, ApplicationSettings.NameMaxLength);
    }

    private static void Email(EmailSettings email, FieldErrors errors)
    {
        errors.Range("email.linkExpiresIn", email.LinkExpiresIn, EmailSettings.LinkExpiresInMin, EmailSettings.LinkExpiresInMax);
        errors.Range("email.unverifiedAccountTtlHours", email.UnverifiedAccountTtlHours,
            EmailSettings.UnverifiedAccountTtlHoursMin, EmailSettings.UnverifiedAccountTtlHoursMax);
    }

    private static void Smtp(SmtpSettings smtp, FieldErrors errors)
    {
        if (FieldErrors.IsSet(smtp.Host)
            && (smtp.Host.Length > 253 || smtp.Host.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' or '@')))
            errors.Add("smtp.host", "Must be a host name or IP address, without scheme or port.");
        errors.Range("smtp.port", smtp.Port, SmtpSettings.PortMin, SmtpSettings.PortMax);
        if (!Enum.IsDefined(smtp.Security))
            errors.Add("smtp.security", "Must be None, StartTls or SslOnConnect.");
        if (FieldErrors.IsSet(smtp.Host))
            errors.Required("smtp.fromEmail", smtp.FromEmail, "Required when an SMTP host is set.");
        errors.Email("smtp.fromEmail", smtp.FromEmail);
        errors.HeaderText("smtp.fromName", smtp.FromName, MessageTemplate.HeaderMaxLength);
    }

    // Missing SMS credentials are allowed on purpose: messages then stay in the outbox as a dev mailbox.
    private static void Phone(PhoneSettings phone, FieldErrors errors)
    {
        errors.Range("phone.codeExpiresIn", phone.CodeExpiresIn, PhoneSettings.CodeExpiresInMin, PhoneSettings.CodeExpiresInMax);
        if (!Enum.IsDefined(phone.SmsProvider))
            errors.Add("phone.smsProvider", "Must be Twilio, MessageBird or Vonage.");
        for (var i = 0; i < phone.BlockedNumberTypes.Count; i++)
        {
            if (!PhoneNumberPolicy.TypeNames.ContainsKey(phone.BlockedNumberTypes[i] ?? ""))
                errors.Add($"phone.blockedNumberTypes[{i}]", "Must be one of: " + string.Join(", ", PhoneNumberPolicy.TypeNames.Keys) + ".");
            else if (phone.BlockedNumberTypes.IndexOf(phone.BlockedNumberTypes[i]) < i)
                errors.Add($"phone.blockedNumberTypes[{i}]", "Listed twice.");
        }
        if (phone.AllowedCountries.Count > PhoneSettings.AllowedCountriesMax)
            errors.Add("phone.allowedCountries", $"At most {PhoneSettings.AllowedCountriesMax} countries are allowed.");
        for (var i = 0; i < phone.AllowedCountries.Count; i++)
        {
            if (!PhoneNumberPolicy.IsKnownCountry(phone.AllowedCountries[i]))
                errors.Add($"phone.allowedCountries[{i}]", "Must be an ISO 3166 alpha-2 country code in capitals, such as US or FR.");
            else if (phone.AllowedCountries.IndexOf(phone.AllowedCountries[i]) < i)
                errors.Add($"phone.allowedCountries[{i}]", "Listed twice.");
        }
    }

    private static void Sms(SmsSettings sms, FieldErrors errors)
    {
        errors.Range("sms.maxPerHour", sms.MaxPerHour, SmsSettings.MaxPerHourMin, SmsSettings.MaxPerHourMax);
        errors.HttpUrl("sms.twilio.apiBaseUrl", sms.Twilio.ApiBaseUrl);
        errors.HttpUrl("sms.messageBird.apiBaseUrl", sms.MessageBird.ApiBaseUrl);
        errors.HttpUrl("sms.vonage.apiBaseUrl", sms.Vonage.ApiBaseUrl);
    }

    private static void Providers(ProvidersSettings providers, FieldErrors errors)
    {
        foreach (var (name, provider) in providers.All)
        {
            var prefix = $"providers.{name}";
            errors.HttpUrl($"{prefix}.authorizationEndpoint", provider.AuthorizationEndpoint);
            errors.HttpUrl($"{prefix}.tokenEndpoint", provider.TokenEndpoint);
            errors.HttpUrl($"{prefix}.userInfoEndpoint", provider.UserInfoEndpoint);
            if (provider is OpenIdProviderSettings openId)
                errors.HttpUrl($"{prefix}.jwksEndpoint", openId.JwksEndpoint);
            if (provider is AppleProviderSettings apple)
                Apple(apple, prefix, errors);
            else if (provider.Enabled)
            {
                errors.Required($"{prefix}.clientId", provider.ClientId, "Required when the provider is enabled.");
                errors.Required($"{prefix}.clientSecret", provider.ClientSecret, "Required when the provider is enabled.");
            }
        }
    }

    // Apple signs its own client secret from the .p8 key, so the key replaces a static secret.
    private static void Apple(AppleProviderSettings apple, string prefix, FieldErrors errors)
    {
        if (apple.Enabled)
        {
            const string message = "Required when the provider is enabled.";
            errors.Required($"{prefix}.clientId", apple.ClientId, message);
            errors.Required($"{prefix}.teamId", apple.TeamId, message);
            errors.Required($"{prefix}.keyId", apple.KeyId, message);
            errors.Required($"{prefix}.privateKey", apple.PrivateKey, message);
        }
        if (FieldErrors.IsSet(apple.PrivateKey) && !IsP256PrivateKey(apple.PrivateKey))
            errors.Add($"{prefix}.privateKey", "Must be the PEM text of the .p8 key (-----BEGIN PRIVATE KEY-----), an EC P-256 key.");
    }

    private static bool IsP256PrivateKey(string pem)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(pem);
            return key.KeySize == 256;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    private static void Messages(MessagesSettings messages, FieldErrors errors)
    {
        foreach (var (key, template) in messages.All)
        {
            var prefix = $"messages.{key}";
            if (MessageType.IsEmail(key))
                errors.Required($"{prefix}.subject", template.Subject, "An e-mail needs a subject.");
            errors.HeaderText($"{prefix}.subject", template.Subject, MessageTemplate.HeaderMaxLength);
            errors.HeaderText($"{prefix}.fromName", template.FromName, MessageTemplate.HeaderMaxLength);
            errors.Email($"{prefix}.fromEmail", template.FromEmail);
            errors.Required($"{prefix}.body", template.Body, "The message body must not be empty.");
            if (Encoding.UTF8.GetByteCount(template.Body ?? "") > MessageTemplate.BodyMaxBytes)
                errors.Add($"{prefix}.body", $"Must be at most {MessageTemplate.BodyMaxBytes / 1024} KB.");
            if (TemplateCheck.ParseError(template.Subject) is { } subjectError) errors.Add($"{prefix}.subject", subjectError);
            if (TemplateCheck.ParseError(template.Body) is { } bodyError) errors.Add($"{prefix}.body", bodyError);
        }
    }

    private static void Security(SecuritySettings s, FieldErrors errors)
    {
        errors.Range("security.passwordMinLength", s.PasswordMinLength, SecuritySettings.PasswordMinLengthMin, SecuritySettings.PasswordMinLengthMax);
        errors.Range("security.passwordMaxLength", s.PasswordMaxLength, SecuritySettings.PasswordMaxLengthMin, SecuritySettings.PasswordMaxLengthMax);
        if (s.PasswordMaxLength < s.PasswordMinLength)
            errors.Add("security.passwordMaxLength", "Must be at least security.passwordMinLength.");
        errors.Range("security.lockoutThreshold", s.LockoutThreshold, SecuritySettings.LockoutThresholdMin, SecuritySettings.LockoutThresholdMax);
        errors.Range("security.lockoutMinutes", s.LockoutMinutes, SecuritySettings.LockoutMinutesMin, SecuritySettings.LockoutMinutesMax);
        errors.Range("security.ipRequestsPerMinute", s.IpRequestsPerMinute, SecuritySettings.IpRequestsPerMinuteMin, SecuritySettings.IpRequestsPerMinuteMax);
        errors.Range("security.sendCooldownSeconds", s.SendCooldownSeconds, SecuritySettings.SendCooldownSecondsMin, SecuritySettings.SendCooldownSecondsMax);
        errors.Range("security.otpMaxAttempts", s.OtpMaxAttempts, SecuritySettings.OtpMaxAttemptsMin, SecuritySettings.OtpMaxAttemptsMax);
        errors.Range("security.smsPerNumberPerDay", s.SmsPerNumberPerDay, SecuritySettings.SmsPerNumberPerDayMin, SecuritySettings.SmsPerNumberPerDayMax);
        errors.Range("security.smsPerIpPerHour", s.SmsPerIpPerHour, SecuritySettings.SmsPerIpPerHourMin, SecuritySettings.SmsPerIpPerHourMax);
    }

    private static void Sessions(SessionsSettings s, FieldErrors errors)
    {
        errors.Range("sessions.lifetimeDays", s.LifetimeDays, SessionsSettings.LifetimeDaysMin, SessionsSettings.LifetimeDaysMax);
        if (s.IdleTimeoutMinutes is { } idle)
            errors.Range("sessions.idleTimeoutMinutes", idle, SessionsSettings.IdleTimeoutMinutesMin, SessionsSettings.IdleTimeoutMinutesMax);
        errors.Range("sessions.accessTokenExpiresIn", s.AccessTokenExpiresIn, SessionsSettings.AccessTokenExpiresInMin, SessionsSettings.AccessTokenExpiresInMax);
        if (s.JwtAlgorithm != SessionsSettings.Es256)
            errors.Add("sessions.jwtAlgorithm", "Only ES256 is supported.");
    }

    private static void Housekeeping(HousekeepingSettings h, FieldErrors errors)
    {
        const int min = HousekeepingSettings.RetentionDaysMin, max = HousekeepingSettings.RetentionDaysMax;
        errors.Range("housekeeping.sessionRetentionDays", h.SessionRetentionDays, min, max);
        errors.Range("housekeeping.sentMessageRetentionDays", h.SentMessageRetentionDays, min, max);
        errors.Range("housekeeping.failedMessageRetentionDays", h.FailedMessageRetentionDays, min, max);
        errors.Range("housekeeping.tokenRetentionDays", h.TokenRetentionDays, min, max);
    }

    private static void Mfa(MfaSettings m, FieldErrors errors)
    {
        if (m.Required && !m.Enabled)
            errors.Add("mfa.required", "Second factors must be enabled before they can be required.");
        if (!FieldErrors.IsSet(m.TotpIssuer)) return;
        // The issuer is part of the otpauth:// label "Issuer:account", so a colon would split it wrongly.
        if (m.TotpIssuer.Contains(':'))
            errors.Add("mfa.totpIssuer", "The issuer cannot contain a colon.");
        else
            errors.HeaderText("mfa.totpIssuer", m.TotpIssuer, MfaSettings.TotpIssuerMaxLength);
    }
}
