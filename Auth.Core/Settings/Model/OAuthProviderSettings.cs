using System.Text.Json.Serialization;

namespace Auth.Core.Settings;

/// <summary>One OAuth provider's credentials. Endpoint overrides left null mean the provider's real endpoints.</summary>
public class OAuthProviderSettings
{
    public bool Enabled { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Secret.</summary>
    public string? ClientSecret { get; set; }

    public string? AuthorizationEndpoint { get; set; }

    public string? TokenEndpoint { get; set; }

    /// <summary>For GitHub the e-mail list is read from this plus <c>/emails</c>.</summary>
    public string? UserInfoEndpoint { get; set; }
}

/// <summary>
/// Sign in with Apple signs its own client secret from a .p8 key, so it needs the team and key ids
/// instead of a static client secret. <see cref="OAuthProviderSettings.ClientId"/> is the Services ID.
/// </summary>
public sealed class AppleProviderSettings : OpenIdProviderSettings
{
    // Ordered after the shared fields so every provider's JSON starts the same way.
    [JsonPropertyOrder(2)]
    public string? TeamId { get; set; }

    [JsonPropertyOrder(2)]
    public string? KeyId { get; set; }

    /// <summary>Secret: the PEM text of the .p8 key (<c>-----BEGIN PRIVATE KEY-----</c>).</summary>
    [JsonPropertyOrder(2)]
    public string? PrivateKey { get; set; }
}
