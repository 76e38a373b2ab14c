using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>
/// GitHub (and GitHub Enterprise through the overrides): code flow with PKCE, <c>/user</c> for the
/// profile and <c>/user/emails</c> (read from <c>userInfoEndpoint + "/emails"</c>) for the primary
/// verified address. Without one, the user is created without an e-mail.
/// </summary>
internal sealed class GitHubProvider(OAuthHttp http) : CodeFlowProvider(http)
{
    public const string UserInfoEndpoint = "https://api.github.com/user";
    private const string ApiMediaType = "application/vnd.github+json";

    public override string Name => ProvidersSettings.GithubName;
    protected override string DisplayName => "GitHub";
    protected override string DefaultAuthorizationEndpoint => "https://github.com/login/oauth/authorize";
    protected override string DefaultTokenEndpoint => "https://github.com/login/oauth/access_token";
    protected override string Scope => "read:user user:email";

    // GitHub's authorize endpoint documents no response_type.
    protected override string? ResponseType => null;

    public override async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var accessToken = await ExchangeForAccessTokenAsync(settings, request, ct);
        if (!accessToken.IsSuccess) return accessToken.Error;

        var userUrl = OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint).TrimEnd('/');
        var me = await Http.GetJsonAsync(userUrl, accessToken.Value, ct, ApiMediaType);
        if (!me.IsSuccess) return me.Error;
        var user = me.Value as JsonObject;
        if (OAuthHttp.Id(user, "id") is not { } id) return OAuthHttp.Failed("GitHub's profile has no id.");

        var emails = await Http.GetJsonAsync(userUrl + "/emails", accessToken.Value, ct, ApiMediaType);
        if (!emails.IsSuccess) return emails.Error;
        var primary = (emails.Value as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(e => OAuthHttp.IsTrue(e, "primary") && OAuthHttp.IsTrue(e, "verified"));

        return new OAuthProfile(Name, id, OAuthHttp.Text(primary, "email"), primary is not null,
            OAuthHttp.Text(user, "name") ?? OAuthHttp.Text(user, "login"), OAuthHttp.Text(user, "avatar_url"));
    }
}
