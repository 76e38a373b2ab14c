using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Runtime.OAuth;

/// <summary>
/// The signing keys a provider publishes (its JWKS), fetched over HTTP from the configured URL and
/// cached per URL. A key id we have not seen triggers a refetch (providers rotate keys), at most once a minute.
/// </summary>
internal sealed class JwksCache(IHttpClientFactory factory, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinRefetchInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The keys of <paramref name="jwksUri"/>; throws <see cref="HttpRequestException"/> when they can't be had.</summary>
    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(string jwksUri, string? keyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(jwksUri, out var entry))
        {
            var age = now - entry.FetchedAt;
            var fresh = age >= TimeSpan.Zero && age < MaxAge;
            if (fresh && (keyId is null || entry.Keys.Any(k => k.KeyId == keyId) || age < MinRefetchInterval))
                return entry.Keys;
        }

        var client = factory.CreateClient(OAuthHttp.ClientName);
        string json;
        try
        {
            json = await client.GetStringAsync(jwksUri, ct);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new HttpRequestException("The JWKS endpoint did not answer in time.", ex);
        }

        IReadOnlyList<SecurityKey> keys;
        try
        {
            keys = [.. new JsonWebKeySet(json).GetSigningKeys()];
        }
        catch (ArgumentException ex)
        {
            throw new HttpRequestException("The JWKS document is not valid.", ex);
        }

        _entries[jwksUri] = new Entry(keys, now);
        return keys;
    }

    private sealed record Entry(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);
}
