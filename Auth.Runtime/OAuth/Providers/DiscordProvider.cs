using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>
/// Discord: code flow with PKCE, then <c>/users/@me</c>. The avatar URL is built from the avatar hash
/// on Discord's CDN (animated avatars, hashes starting <c>a_</c>, are GIFs); <c>verified</c> says
/// whether the address is verified.
/// </summary>
internal sealed class DiscordProvider(OAuthHttp http) : IOAuthProvider
{
    public const string AuthorizationEndpoint = "https://discord.com/oauth2/authorize";
    public const string TokenEndpoint = "https://discord.com/api/oauth2/token";
    public const string UserInfoEndpoint = "https://discord.com/api/users/@me";
    public const string AvatarBase = "https://cdn.discordapp.com/avatars/";

    public string Name => ProvidersSettings.DiscordName;
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
            new("scope", "identify email"),
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
        if (OAuthHttp.Text(token.Value, "access_token") is not { } accessToken) return OAuthHttp.Failed("Discord sent no access token.");

        var me = await http.GetJsonAsync(OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint), accessToken, ct);
        if (!me.IsSuccess) return me.Error;
        var user = me.Value as JsonObject;
        if (OAuthHttp.Id(user, "id") is not { } id) return OAuthHttp.Failed("Discord's profile has no id.");
        var verified = user?["verified"] is JsonValue v && v.TryGetValue<bool>(out var flag) && flag;
        return new OAuthProfile(Name, id, OAuthHttp.Text(user, "email"), verified,
            OAuthHttp.Text(user, "global_name") ?? OAuthHttp.Text(user, "username"), AvatarUrl(id, OAuthHttp.Text(user, "avatar")));
    }

    public static string? AvatarUrl(string userId, string? hash) =>
        hash is null || !hash.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? null
            : $"{AvatarBase}{Uri.EscapeDataString(userId)}/{hash}.{(hash.StartsWith("a_", StringComparison.Ordinal) ? "gif" : "png")}";
}
