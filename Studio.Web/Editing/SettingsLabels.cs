using System.Globalization;
using Auth.Core.Settings;

namespace Studio.Web.Editing;

/// <summary>Human names for settings JSON paths, for "what was saved" messages and the revision diff.</summary>
public static class SettingsLabels
{
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["redirectURLs"] = "Redirect URLs",
        ["app"] = "General",
        ["email"] = "E-mail",
        ["smtp"] = "SMTP",
        ["phone"] = "Phone",
        ["sms"] = "SMS",
        ["providers"] = "Providers",
        ["messages"] = "Message templates",
        ["security"] = "Security",
        ["sessions"] = "Sessions",
        ["housekeeping"] = "Housekeeping",
        ["mfa"] = "Second factors",
        ["events"] = "Activity log",
        ["passkeys"] = "Passkeys",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = "Name",
        ["sessionRetentionDays"] = "Ended sessions kept",
        ["sentMessageRetentionDays"] = "Sent messages kept",
        ["failedMessageRetentionDays"] = "Failed messages kept",
        ["retentionDays"] = "Activity events kept",
        ["tokenRetentionDays"] = "Expired tokens kept",
        ["enabled"] = "Enabled",
        ["required"] = "Required",
        ["totpIssuer"] = "Authenticator issuer",
        ["rpName"] = "Relying party name",
        ["rpId"] = "Relying party ID",
        ["origins"] = "Origins",
        ["userVerification"] = "User verification",
        ["confirmEmail"] = "Confirm e-mail",
        ["linkExpiresIn"] = "Link expiry",
        ["unverifiedAccountTtlHours"] = "Unverified accounts kept for",
        ["host"] = "Host",
        ["port"] = "Port",
        ["security"] = "Security",
        ["user"] = "User",
        ["password"] = "Password",
        ["fromEmail"] = "From e-mail",
        ["fromName"] = "From name",
        ["confirmPhone"] = "Confirm phone",
        ["allowCodeSignIn"] = "Sign-in with SMS code",
        ["codeExpiresIn"] = "Code expiry",
        ["smsProvider"] = "SMS provider",
        ["accountSid"] = "Account SID",
        ["authToken"] = "Auth token",
        ["from"] = "From",
        ["apiBaseUrl"] = "API base URL",
        ["accessKey"] = "Access key",
        ["originator"] = "Originator",
        ["apiKey"] = "API key",
        ["apiSecret"] = "API secret",
        ["clientId"] = "Client ID",
        ["clientSecret"] = "Client secret",
        ["authorizationEndpoint"] = "Authorization endpoint",
        ["tokenEndpoint"] = "Token endpoint",
        ["userInfoEndpoint"] = "User info endpoint",
        ["jwksEndpoint"] = "JWKS endpoint",
        ["teamId"] = "Team ID",
        ["keyId"] = "Key ID",
        ["privateKey"] = "Private key",
        ["subject"] = "Subject",
        ["body"] = "Body",
        ["passwordMinLength"] = "Minimum password length",
        ["passwordMaxLength"] = "Maximum password length",
        ["lockoutThreshold"] = "Lockout after failures",
        ["lockoutMinutes"] = "Lockout minutes",
        ["ipRequestsPerMinute"] = "Requests per minute per IP",
        ["sendCooldownSeconds"] = "Send cooldown",
        ["otpMaxAttempts"] = "Attempts per code",
        ["enumerationProtection"] = "Enumeration protection",
        ["linkScannerProtection"] = "Link-scanner protection",
        ["lifetimeDays"] = "Session lifetime",
        ["idleTimeoutMinutes"] = "Idle timeout",
        ["accessTokenExpiresIn"] = "Access token expiry",
        ["jwtAlgorithm"] = "JWT algorithm",
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [ProvidersSettings.GoogleName] = "Google",
        [ProvidersSettings.AppleName] = "Apple",
        [ProvidersSettings.FacebookName] = "Facebook",
        [ProvidersSettings.TwitterName] = "Twitter / X",
        [ProvidersSettings.GithubName] = "GitHub",
        [ProvidersSettings.DiscordName] = "Discord",
        ["twilio"] = "Twilio",
        ["messageBird"] = "MessageBird",
        ["vonage"] = "Vonage",
        [MessageType.ConfirmEmail] = "Confirm e-mail",
        [MessageType.MagicLink] = "Magic link",
        [MessageType.ResetPassword] = "Reset password",
        [MessageType.ConfirmEmailChange] = "Confirm e-mail change",
        [MessageType.AccountExists] = "Account already exists",
        [MessageType.VerifySmsCode] = "Verify phone (SMS)",
        [MessageType.SigninSmsCode] = "Sign-in code (SMS)",
    };

    public static string ProviderName(string provider) => Names.GetValueOrDefault(provider, provider);

    /// <summary>"magic_link" → "Magic link".</summary>
    public static string MessageTypeName(string type) => Names.GetValueOrDefault(type, type);

    /// <summary>"smtp.password" → "SMTP › Password"; unknown parts read as written.</summary>
    public static string For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('.');
        var labels = new List<string> { Sections.GetValueOrDefault(parts[0], parts[0]) };
        for (var i = 1; i < parts.Length; i++)
        {
            var isLast = i == parts.Length - 1;
            labels.Add(isLast ? Fields.GetValueOrDefault(parts[i], parts[i]) : Names.GetValueOrDefault(parts[i], parts[i]));
        }
        return string.Join(" › ", labels);
    }

    /// <summary>A short sentence listing the changed settings, for the snackbar after a save.</summary>
    public static string Describe(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        const int shown = 4;
        var names = paths.Take(shown).Select(For).ToList();
        var more = paths.Count - names.Count;
        var list = string.Join(", ", names);
        return more > 0 ? string.Create(CultureInfo.InvariantCulture, $"{list} and {more} more") : list;
    }
}
