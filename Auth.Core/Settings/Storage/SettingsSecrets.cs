using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;

namespace Auth.Core.Settings;

/// <summary>
/// The secret fields of the settings JSON and what happens to them on the way out (masked),
/// back in (a mask keeps the stored value) and to the database (encrypted with Data Protection).
/// A secret is "set" when it is a non-empty string; null and "" pass through every operation unchanged.
/// </summary>
public static class SettingsSecrets
{
    /// <summary>What a set secret reads as outside the server.</summary>
    public const string MaskValue = "********";

    /// <summary>Prefix of an encrypted value at rest.</summary>
    public const string ProtectedPrefix = "enc:";

    /// <summary>The Data Protection purpose to create the protector with; changing it orphans stored secrets.</summary>
    public const string ProtectorPurpose = "Auth.Core.Settings.Secrets.v1";

    /// <summary>JSON paths of every secret, dot-separated.</summary>
    public static IReadOnlyList<string> Paths { get; } =
    [
        "smtp.password",
        "sms.twilio.authToken",
        "sms.messageBird.accessKey",
        "sms.vonage.apiSecret",
        .. ProvidersSettings.Names.Select(name => $"providers.{name}.clientSecret"),
        "providers.apple.privateKey",
    ];

    public static bool IsSecretPath(string path) => Paths.Contains(path, StringComparer.Ordinal);

    /// <summary>A copy of <paramref name="settings"/> where each set secret reads <see cref="MaskValue"/>.</summary>
    public static JsonObject Mask(JsonObject settings) =>
        Transform(settings, (_, value) => IsSet(value) ? MaskValue : value);

    /// <summary>
    /// A copy of <paramref name="incoming"/> where each secret still holding <see cref="MaskValue"/> takes the
    /// value from <paramref name="storedPlain"/>, so a document read from the API can be written back
    /// unchanged. A new value replaces, null (or a missing property) clears. A mask with nothing stored
    /// becomes null rather than storing the mask as a password.
    /// </summary>
    public static JsonObject MergeIncoming(JsonObject incoming, JsonObject storedPlain)
    {
        ArgumentNullException.ThrowIfNull(storedPlain);
        return Transform(incoming, (path, value) =>
            value is JsonValue v && v.TryGetValue<string>(out var text) && text == MaskValue
                ? GetString(storedPlain, path) is { } stored ? stored : null
                : value);
    }

    /// <summary>A copy ready for storage: each set secret becomes <c>enc:</c> plus its protected form.</summary>
    public static JsonObject Protect(JsonObject plain, IDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return Transform(plain, (path, value) =>
        {
            if (!IsSet(value))
                return value;
            var text = RequireString(path, value);
            // Storing the mask would silently replace the real secret; MergeIncoming must run first.
            if (text == MaskValue)
                throw new InvalidOperationException($"The secret at '{path}' is still masked; merge the incoming settings with the stored ones before protecting them.");
            return ProtectedPrefix + protector.Protect(text);
        });
    }

    /// <summary>The plain form of a stored document; throws <see cref="SecretUnprotectException"/> when a secret can't be decrypted.</summary>
    public static JsonObject Unprotect(JsonObject stored, IDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return Transform(stored, (path, value) =>
        {
            if (!IsSet(value))
                return value;
            var text = RequireString(path, value);
            if (!text.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
                throw new SecretUnprotectException(path, $"The stored secret at '{path}' is not encrypted; it was not written by SettingsSecrets.Protect.");
            try
            {
                return protector.Unprotect(text[ProtectedPrefix.Length..]);
            }
            catch (CryptographicException ex)
            {
                throw new SecretUnprotectException(path,
                    $"The stored secret at '{path}' can't be decrypted: the Data Protection key that encrypted it is missing or was revoked. Re-enter the secret.", ex);
            }
        });
    }

    /// <summary>Secret paths whose plain values differ; for a revision diff that must not show the values.</summary>
    public static IReadOnlyList<string> ChangedSecrets(JsonObject plainA, JsonObject plainB)
    {
        ArgumentNullException.ThrowIfNull(plainA);
        ArgumentNullException.ThrowIfNull(plainB);
        return Paths.Where(path => SecretChanged(plainA, plainB, path)).ToList();
    }

    public static bool SecretChanged(JsonObject plainA, JsonObject plainB, string path) =>
        !string.Equals(NullIfEmpty(GetString(plainA, path)), NullIfEmpty(GetString(plainB, path)), StringComparison.Ordinal);

    private static JsonObject Transform(JsonObject source, Func<string, JsonNode?, JsonNode?> change)
    {
        ArgumentNullException.ThrowIfNull(source);
        var copy = source.DeepClone().AsObject();
        foreach (var path in Paths)
        {
            var (parent, name) = Locate(copy, path);
            if (parent is not null && parent.TryGetPropertyValue(name, out var value))
                parent[name] = change(path, value?.DeepClone());
        }
        return copy;
    }

    private static (JsonObject? Parent, string Name) Locate(JsonObject root, string path)
    {
        var parts = path.Split('.');
        JsonObject? current = root;
        foreach (var part in parts[..^1])
            current = current?[part] as JsonObject;
        return (current, parts[^1]);
    }

    private static string? GetString(JsonObject root, string path)
    {
        var (parent, name) = Locate(root, path);
        return parent?[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
    }

    private static bool IsSet(JsonNode? value) => value is JsonValue v && (!v.TryGetValue<string>(out var s) || s.Length > 0);

    private static string RequireString(string path, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text)
            ? text
            : throw new InvalidOperationException($"The secret at '{path}' must be a string.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
