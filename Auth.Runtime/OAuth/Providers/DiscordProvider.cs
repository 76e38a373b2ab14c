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
internal sealed class DiscordProvider(OAuthHttp http) : CodeFlowProvider(http)
{
    public const string UserInfoEndpoint = "https://discord.com/api/users/@me";
    public const string AvatarBase = "https://cdn.discordapp.com/avatars/";

    public override string Name => ProvidersSettings.DiscordName;
    protected override string DisplayName => "Discord";
    protected override string DefaultAuthorizationEndpoint => "https://discord.com/oauth2/authorize";
    protected override string DefaultTokenEndpoint => "https://discord.com/api/oauth2/token";
    protected override string Scope => "identify email";

    public override async Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var accessToken = await ExchangeForAccessTokenAsync(settings, request, ct);
        if (!accessToken.IsSuccess) return accessToken.Error;

        var me = await Http.GetJsonAsync(OAuthUrl.Endpoint(settings.UserInfoEndpoint, UserInfoEndpoint), accessToken.Value, ct);
        if (!me.IsSuccess) return me.Error;
        var user = me.Value as JsonObject;
        if (OAuthHttp.Id(user, "id") is not { } id) return OAuthHttp.Failed("Discord's profile has no id.");
        return new OAuthProfile(Name, id, OAuthHttp.Text(user, "email"), OAuthHttp.IsTrue(user, "verified"),
            OAuthHttp.Text(user, "global_name") ?? OAuthHttp.Text(user, "username"), AvatarUrl(id, OAuthHttp.Text(user, "avatar")));
    }

    public static string? AvatarUrl(string userId, string? hash) =>
        hash is null || !hash.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? null
            : $"{AvatarBase}{Uri.EscapeDataString(userId)}/{hash}.{(hash.StartsWith("a_", StringComparison.Ordinal) ? "gif" : "png")}";
}
