using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth;

/// <summary>What goes into the URL that sends the browser to the provider.</summary>
internal sealed record OAuthAuthorizeRequest(string CallbackUrl, string State, string? CodeChallenge, string? Nonce);

/// <summary>What came back on the callback, with what was remembered since the start.</summary>
internal sealed record OAuthCallbackRequest(
    string Code, string CallbackUrl, string? CodeVerifier, string? Nonce, IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// One OAuth provider: how to send the user there, and how to turn the returned code into a profile.
/// Implementations are stateless singletons; the settings are read per request, so publishing new
/// credentials takes effect at once.
/// </summary>
internal interface IOAuthProvider
{
    /// <summary>The name in <c>/oauth/{provider}</c> and in <see cref="Core.Data.Entities.User.Provider"/>.</summary>
    string Name { get; }

    /// <summary>Whether the provider supports PKCE (S256); when it does, it is always used.</summary>
    bool UsesPkce { get; }

    /// <summary>Whether an ID token carries our nonce back (OpenID Connect).</summary>
    bool UsesNonce { get; }

    /// <summary>Enabled, with every credential this provider needs.</summary>
    bool IsConfigured(OAuthProviderSettings settings);

    string BuildAuthorizationUrl(OAuthProviderSettings settings, OAuthAuthorizeRequest request);

    /// <summary>Exchanges the code and reads the profile; provider failures are <c>oauth_failed</c> values.</summary>
    Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct);
}
