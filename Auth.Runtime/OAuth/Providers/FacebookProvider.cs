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
internal sealed class FacebookProvider(OAuthHttp http) : CodeFlowProvider(http)
{
    public const string UserInfoEndpoint = "https://graph.facebook.com/v21.0/me";

    public override string Name => ProvidersSettings.FacebookName;
    protected override string DisplayName => "Facebook";
    protected override string DefaultAuthorizationEndpoint => "https://www.facebook.com/v21.0/dialog/oauth";
    protected override string DefaultTokenEndpoint => "https://graph.facebook.com/v21.0/oauth/access_token";
    protected override string Scope => "email public_profile";

    protected override TokenRequest TokenRequest(OAuthProviderSettings settings, OAuthCallbackRequest request) =>
        base.TokenRequest(settings, request) with { UseGet = true };

    public override async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var accessToken = await ExchangeForAccessTokenAsync(settings, request, ct);
        if (!accessToken.IsSuccess) return accessToken.Error;

        var url = OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint),
        [
            new("fields", "id,name,email,picture"),
            new("access_token", accessToken.Value),
            new("appsecret_proof", AppSecretProof(accessToken.Value, settings.ClientSecret!)),
        ]);
        var me = await Http.GetJsonAsync(url, bearer: null, ct);
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
