using System.Text.Json.Serialization;

namespace Auth.Core.Settings;

/// <summary>The supported OAuth providers, one fixed property each so unknown names are rejected.</summary>
public sealed class ProvidersSettings
{
    public const string GoogleName = "google";
    public const string AppleName = "apple";
    public const string FacebookName = "facebook";
    public const string TwitterName = "twitter";
    public const string GithubName = "github";
    public const string DiscordName = "discord";

    /// <summary>Provider names as they appear in the JSON and in <c>/oauth/{provider}</c>, in display order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [GoogleName, AppleName, FacebookName, TwitterName, GithubName, DiscordName];

    public OpenIdProviderSettings Google { get; set; } = new();

    public AppleProviderSettings Apple { get; set; } = new();

    public OAuthProviderSettings Facebook { get; set; } = new();

    public OAuthProviderSettings Twitter { get; set; } = new();

    public OAuthProviderSettings Github { get; set; } = new();

    public OAuthProviderSettings Discord { get; set; } = new();

    /// <summary>Every provider with its name, in <see cref="Names"/> order.</summary>
    [JsonIgnore]
    public IEnumerable<KeyValuePair<string, OAuthProviderSettings>> All =>
        Names.Select(name => KeyValuePair.Create(name, Get(name)!));

    /// <summary>The provider called <paramref name="name"/> (case-insensitive), or null when unsupported.</summary>
    public OAuthProviderSettings? Get(string name) => name?.ToLowerInvariant() switch
    {
        GoogleName => Google,
        AppleName => Apple,
        FacebookName => Facebook,
        TwitterName => Twitter,
        GithubName => Github,
        DiscordName => Discord,
        _ => null,
    };
}
