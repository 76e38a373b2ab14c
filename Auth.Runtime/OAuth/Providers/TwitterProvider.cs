using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>
/// X (Twitter): OAuth 2.0 with PKCE (required), a confidential client authenticated with HTTP Basic,
/// then <c>/2/users/me</c>. X does not share the e-mail address through this scope.
/// </summary>
internal sealed class TwitterProvider(OAuthHttp http) : IOAuthProvider
{
    public const string AuthorizationEndpoint = "https://x.com/i/oauth2/authorize";
    public const string TokenEndpoint = "https://api.x.com/2/oauth2/token";
    public const string UserInfoEndpoint = "https://api.x.com/2/users/me";

    public string Name => ProvidersSettings.TwitterName;
    public bool UsesPkce => true;
    public bool UsesNonce => false;

    public bool IsConfigured(OAuthProviderSettings settings) =>
        settings.Enabled && OAuthUrl.IsSet(settings.ClientId) && OAuthUrl.IsSet(settings.ClientSecret);

    public string BuildAuthorizationUrl(OAuthProviderSettings settings, OAuthAuthorizeRequest request) =>
        OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.AuthorizationEndpoint, AuthorizationEndpoint),
        [
            new("response_type", "code"),
            new("client_id", settings.ClientId),
            new("redirect_uri", request.CallbackUrl),
            new("scope", "users.read tweet.read"),
            new("state", request.State),
            new("code_challenge", request.CodeChallenge),
            new("code_challenge_method", request.CodeChallenge is null ? null : Pkce.Method),
        ]);

    public async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var token = await http.ExchangeCodeAsync(new TokenRequest(
            OAuthUrl.Endpoint(settings.TokenEndpoint, TokenEndpoint), settings.ClientId!, settings.ClientSecret,
            request.Code, request.CallbackUrl, request.CodeVerifier, ClientAuthentication.Basic), ct);
        if (!token.IsSuccess) return token.Error;
        if (OAuthHttp.Text(token.Value, "access_token") is not { } accessToken) return OAuthHttp.Failed("X sent no access token.");

        var url = OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint), [new("user.fields", "profile_image_url")]);
        var me = await http.GetJsonAsync(url, accessToken, ct);
        if (!me.IsSuccess) return me.Error;
        var data = (me.Value as JsonObject)?["data"] as JsonObject;
        if (OAuthHttp.Id(data, "id") is not { } id) return OAuthHttp.Failed("X's profile has no id.");
        return new OAuthProfile(Name, id, null, false, OAuthHttp.Text(data, "name") ?? OAuthHttp.Text(data, "username"),
            OAuthHttp.Text(data, "profile_image_url"));
    }
}
