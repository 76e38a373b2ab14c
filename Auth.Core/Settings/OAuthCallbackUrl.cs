namespace Auth.Core.Settings;

/// <summary>Where a provider sends the browser back; operators register this URL in each provider's console.</summary>
public static class OAuthCallbackUrl
{
    /// <summary><c>{publicBaseUrl}/oauth/{provider}/callback</c>; only the configured public origin, never a Host header.</summary>
    public static string For(string publicBaseUrl, string provider)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(provider);
        return $"{publicBaseUrl.TrimEnd('/')}/oauth/{provider.ToLowerInvariant()}/callback";
    }
}
