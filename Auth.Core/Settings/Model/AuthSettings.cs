using System.Text.Json.Serialization;

namespace Auth.Core.Settings;

/// <summary>
/// The version settings tree that the studio edits and the runtime enforces.
/// The JSON shape (see <see cref="SettingsJson"/>) is the contract shared by the studio,
/// the management API and import/export; a fresh instance holds the shipped defaults.
/// </summary>
public sealed class AuthSettings
{
    /// <summary>The allow-list checked by <see cref="RedirectUrlMatcher"/>.</summary>
    [JsonPropertyName("redirectURLs")]
    public List<string> RedirectURLs { get; set; } = ["http://localhost:3000/auth-redirect"];

    public ApplicationSettings App { get; set; } = new();

    public EmailSettings Email { get; set; } = new();

    public SmtpSettings Smtp { get; set; } = new();

    public PhoneSettings Phone { get; set; } = new();

    public SmsSettings Sms { get; set; } = new();

    public ProvidersSettings Providers { get; set; } = new();

    public MessagesSettings Messages { get; set; } = new();

    public SecuritySettings Security { get; set; } = new();

    public SessionsSettings Sessions { get; set; } = new();

    public HousekeepingSettings Housekeeping { get; set; } = new();

    public MfaSettings Mfa { get; set; } = new();

    public EventsSettings Events { get; set; } = new();
    public PasskeysSettings Passkeys { get; set; } = new();
}
