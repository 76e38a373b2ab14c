using Auth.Core.Errors;

namespace Auth.Core;

/// <summary>
/// The runtime's public URLs as Core needs them in messages and redirects. The runtime owns its routes and
/// implements this (<c>Auth.Runtime/RuntimeUrls</c>), so Core holds no route string. Every URL starts at
/// <c>Runtime:PublicBaseUrl</c>, never at a request's Host header.
/// </summary>
public interface IAuthUrls
{
    /// <summary>The link an e-mail carries to <c>/auth/verify</c> with its key and action.</summary>
    string VerifyLink(string key, string action);

    /// <summary>Where an OAuth provider sends the browser back; operators register it in each provider's console.</summary>
    string OAuthCallback(string provider);

    /// <summary>The app's redirect URL with a one-time access token: <c>?access_token=at-…&amp;action=…&amp;status=200</c>.</summary>
    string BackWithAccessToken(string redirectUrl, string accessToken, string action);

    /// <summary>The app's redirect URL with the error: <c>?status=…&amp;code=…&amp;error=…</c>, never a token.</summary>
    string BackWithError(string redirectUrl, AuthError error);
}
