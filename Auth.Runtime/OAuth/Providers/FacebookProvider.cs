using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>
/// Facebook Login: the manual code flow with PKCE, the token fetched with a GET as Facebook documents,
/// then Graph <c>/me?fields=id,name,email,picture</c> with an <c>appsecret_proof</c>. Facebook does not
/// say whether the address is verified, so it is stored unverified.
/// </summary>
internal sealed class FacebookProvider(OAuthHttp http) : IOAuthProvider
{
    public const string AuthorizationEndpoint = "https://www.facebook.com/v21.0/dialog/oauth";
    public const string TokenEndpoint = "https://graph.facebook.com/v21.0/oauth/access_token";
    public const string UserInfoEndpoint = "https://graph.facebook.com/v21.0/me";

    public string Name => ProvidersSettings.FacebookName;
    public bool UsesPkce => true;
    public bool UsesNonce => false;

    public bool IsConfigured(OAuthProviderSettings settings) =>
        settings.Enabled && OAuthUrl.IsSet(settings.ClientId) && OAuthUrl.IsSet(settings.ClientSecret);

    public string BuildAuthorizationUrl(OAuthProviderSettings settings, OAuthAuthorizeRequest request) =>
        OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.AuthorizationEndpoint, AuthorizationEndpoint),
        [
            new("client_id", settings.ClientId),
            new("redirect_uri", request.CallbackUrl),
            new("response_type", "code"),
            new("scope", "email public_profile"),
            new("state", request.State),
            new("code_challenge", request.CodeChallenge),
            new("code_challenge_method", request.CodeChallenge is null ? null : Pkce.Method),
        ]);

    public async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var token = await http.ExchangeCodeAsync(new TokenRequest(
            OAuthUrl.Endpoint(settings.TokenEndpoint, TokenEndpoint), settings.ClientId!, settings.ClientSecret,
            request.Code, request.CallbackUrl, request.CodeVerifier, UseGet: true), ct);
        if (!token.IsSuccess) return token.Error;
        if (OAuthHttp.Text(token.Value, "access_token") is not { } accessToken) return OAuthHttp.Failed("Facebook sent no access token.");

        var url = OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint),
        [
            new("fields", "id,name,email,picture"),
            new("access_token", accessToken),
            new("appsecret_proof", AppSecretProof(accessToken, settings.ClientSecret!)),
        ]);
        var me = await http.GetJsonAsync(url, bearer: null, ct);
        if (!me.IsSuccess) return me.Error;
        var user = me.Value as JsonObject;
        if (OAuthHttp.Id(user, "id") is not { } id) return OAuthHttp.Failed("Facebook's profile has no id.");
        var picture = (user?["picture"] as JsonObject)?["data"] as JsonObject;
        return new OAuthProfile(Name, id, OAuthHttp.Text(user, "email"), EmailVerified: false, OAuthHttp.Text(user, "name"),
            OAuthHttp.Text(picture, "url"));
    }

    /// <summary>HMAC-SHA256 of the access token keyed with the app secret, as Graph's "Require App Secret" expects.</summary>
    public static string AppSecretProof(string accessToken, string appSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(accessToken)));
}
