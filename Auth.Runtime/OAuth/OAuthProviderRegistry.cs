namespace Auth.Runtime.OAuth;

/// <summary>The supported providers by name (case-insensitive).</summary>
internal sealed class OAuthProviderRegistry(IEnumerable<IOAuthProvider> providers)
{
    private readonly Dictionary<string, IOAuthProvider> _byName =
        providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public IOAuthProvider? Find(string? name) =>
        name is not null && _byName.TryGetValue(name, out var provider) ? provider : null;
}
