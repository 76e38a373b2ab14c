using Auth.Core.Settings;

namespace Studio.Web.Editing;

/// <summary>Where an operator registers the app and finds the client credentials for each provider.</summary>
public static class ProviderConsoles
{
    public static string For(string provider) => provider switch
    {
        ProvidersSettings.GoogleName => "https://console.cloud.google.com/apis/credentials",
        ProvidersSettings.AppleName => "https://developer.apple.com/account/resources/identifiers/list/serviceId",
        ProvidersSettings.FacebookName => "https://developers.facebook.com/apps/",
        ProvidersSettings.TwitterName => "https://developer.x.com/en/portal/dashboard",
        ProvidersSettings.GithubName => "https://github.com/settings/developers",
        ProvidersSettings.DiscordName => "https://discord.com/developers/applications",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a supported provider."),
    };
}
