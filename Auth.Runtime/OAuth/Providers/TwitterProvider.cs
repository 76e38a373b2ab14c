using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>
/// X (Twitter): OAuth 2.0 with PKCE (required), a confidential client authenticated with HTTP Basic,
/// then <c>/2/users/me</c>. X does not share the e-mail address through this scope.
/// </summary>
internal sealed class TwitterProvider(OAuthHttp http) : CodeFlowProvider(http)
{
    public const string UserInfoEndpoint = "https://api.x.com/2/users/me";

    public override string Name => ProvidersSettings.TwitterName;
    protected override string DisplayName => "X";
    protected override string DefaultAuthorizationEndpoint => "https://x.com/i/oauth2/authorize";
    protected override string DefaultTokenEndpoint => "https://api.x.com/2/oauth2/token";
    protected override string Scope => "users.read tweet.read";

    protected override TokenRequest TokenRequest(OAuthProviderSettings settings, OAuthCallbackRequest request) =>
        base.TokenRequest(settings, request) with { Authentication = ClientAuthentication.Basic };

    public override async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var accessToken = await ExchangeForAccessTokenAsync(settings, request, ct);
        if (!accessToken.IsSuccess) return accessToken.Error;

        var url = OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint), [new("user.fields", "profile_image_url")]);
        var me = await Http.GetJsonAsync(url, accessToken.Value, ct);
        if (!me.IsSuccess) return me.Error;
        var data = (me.Value as JsonObject)?["data"] as JsonObject;
        if (OAuthHttp.Id(data, "id") is not { } id) return OAuthHttp.Failed("X's profile has no id.");
        return new OAuthProfile(Name, id, null, false, OAuthHttp.Text(data, "name") ?? OAuthHttp.Text(data, "username"),
            OAuthHttp.Text(data, "profile_image_url"));
    }
}
