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
internal sealed class GitHubProvider(OAuthHttp http) : IOAuthProvider
{
    public const string AuthorizationEndpoint = "https://github.com/login/oauth/authorize";
    public const string TokenEndpoint = "https://github.com/login/oauth/access_token";
    public const string UserInfoEndpoint = "https://api.github.com/user";
    private const string ApiMediaType = "application/vnd.github+json";

    public string Name => ProvidersSettings.GithubName;
    public bool UsesPkce => true;
    public bool UsesNonce => false;

    public bool IsConfigured(OAuthProviderSettings settings) =>
        settings.Enabled && OAuthUrl.IsSet(settings.ClientId) && OAuthUrl.IsSet(settings.ClientSecret);

    public string BuildAuthorizationUrl(OAuthProviderSettings settings, OAuthAuthorizeRequest request) =>
        OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.AuthorizationEndpoint, AuthorizationEndpoint),
        [
            new("client_id", settings.ClientId),
            new("redirect_uri", request.CallbackUrl),
            new("scope", "read:user user:email"),
            new("state", request.State),
            new("code_challenge", request.CodeChallenge),
            new("code_challenge_method", request.CodeChallenge is null ? null : Pkce.Method),
        ]);

    public async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var token = await http.ExchangeCodeAsync(new TokenRequest(
            OAuthUrl.Endpoint(settings.TokenEndpoint, TokenEndpoint), settings.ClientId!, settings.ClientSecret,
            request.Code, request.CallbackUrl, request.CodeVerifier), ct);
        if (!token.IsSuccess) return token.Error;
        if (OAuthHttp.Text(token.Value, "access_token") is not { } accessToken) return OAuthHttp.Failed("GitHub sent no access token.");

        var userUrl = OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint).TrimEnd('/');
        var me = await http.GetJsonAsync(userUrl, accessToken, ct, ApiMediaType);
        if (!me.IsSuccess) return me.Error;
        var user = me.Value as JsonObject;
        if (OAuthHttp.Id(user, "id") is not { } id) return OAuthHttp.Failed("GitHub's profile has no id.");

        var emails = await http.GetJsonAsync(userUrl + "/emails", accessToken, ct, ApiMediaType);
        if (!emails.IsSuccess) return emails.Error;
        var primary = (emails.Value as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(e => IsTrue(e, "primary") && IsTrue(e, "verified"));

        return new OAuthProfile(Name, id, OAuthHttp.Text(primary, "email"), primary is not null,
            OAuthHttp.Text(user, "name") ?? OAuthHttp.Text(user, "login"), OAuthHttp.Text(user, "avatar_url"));
    }

    private static bool IsTrue(JsonObject json, string name) => json[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
