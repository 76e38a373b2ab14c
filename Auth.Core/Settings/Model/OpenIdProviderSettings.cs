using System.Text.Json.Serialization;

namespace Auth.Core.Settings;

/// <summary>
/// A provider whose ID tokens are checked against its published signing keys (Google, Apple).
/// </summary>
public class OpenIdProviderSettings : OAuthProviderSettings
{
    /// <summary>
    /// Override of the provider's JWKS (the keys its ID tokens are signed with); null means the real one.
    /// Like the other endpoint overrides it exists for proxies and tests.
    /// </summary>
    [JsonPropertyOrder(1)]
    public string? JwksEndpoint { get; set; }
}
