using System.Globalization;
using Auth.Core;
using Auth.Core.Errors;
using Auth.Runtime.Http;
using Auth.Runtime.OAuth;

namespace Auth.Runtime;

/// <summary>
/// The one owner of the URLs the runtime hands out: built from <c>Runtime:PublicBaseUrl</c> and the paths of
/// <see cref="RuntimeRoutes"/>, with the HTTP status of an error from <see cref="ErrorStatus"/>.
/// </summary>
public sealed class RuntimeUrls(AuthCoreOptions options) : IAuthUrls
{
    private string Base => options.PublicBaseUrl.TrimEnd('/');

    public string VerifyLink(string key, string action) =>
        OAuthUrl.WithQuery(Base + RuntimeRoutes.AuthPrefix + RuntimeRoutes.VerifyPath, [new("key", key), new("action", action)]);

    public string OAuthCallback(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return $"{Base}{RuntimeRoutes.OAuthPrefix}/{provider.ToLowerInvariant()}/callback";
    }

    public string BackWithAccessToken(string redirectUrl, string accessToken, string action) =>
        OAuthUrl.WithQuery(redirectUrl, [new("access_token", accessToken), new("action", action), new("status", "200")]);

    public string BackWithError(string redirectUrl, AuthError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return OAuthUrl.WithQuery(redirectUrl,
        [
            new("status", ErrorStatus.For(error.Code).ToString(CultureInfo.InvariantCulture)),
            new("code", error.Code),
            new("error", error.Message),
        ]);
    }
}
