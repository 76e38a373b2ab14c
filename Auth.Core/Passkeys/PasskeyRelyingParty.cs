using Auth.Core.Settings;
using Fido2NetLib;

namespace Auth.Core.Passkeys;

/// <summary>The relying party of one ceremony: the published settings with their blanks filled from the host's configuration.</summary>
public sealed record PasskeyRp(string Id, string Name, IReadOnlySet<string> Origins, string UserVerification)
{
    public Fido2 Fido2() => new(new Fido2Configuration
    {
        RPID = Id,
        RPName = Name,
        Origins = new HashSet<string>(Origins, StringComparer.OrdinalIgnoreCase),
        // Ceremonies are bounded by the stored challenge's five minutes, not by the browser's prompt.
        Timeout = (uint)PasskeyChallenges.Lifetime.TotalMilliseconds,
    });
}

/// <summary>
/// Resolves <c>passkeys.*</c> at run time, never storing the defaults: the RP id is the host of
/// <c>Runtime:PublicBaseUrl</c> and the origins are that origin plus the origins of the published redirect URLs.
/// </summary>
public sealed class PasskeyRelyingParty(AuthCoreOptions options, ISettingsReader settingsReader)
{
    public PasskeysSettings Settings => settingsReader.Current.Settings.Passkeys;

    public PasskeyRp Current()
    {
        var settings = settingsReader.Current.Settings;
        var passkeys = settings.Passkeys;
        var publicBase = new Uri(options.PublicBaseUrl);
        var rpId = string.IsNullOrWhiteSpace(passkeys.RpId) ? publicBase.Host : passkeys.RpId.Trim();
        var name = string.IsNullOrWhiteSpace(passkeys.RpName) ? settings.App.Name : passkeys.RpName.Trim();
        return new PasskeyRp(rpId, name, OriginsOf(settings, publicBase), passkeys.UserVerification);
    }

    private static HashSet<string> OriginsOf(AuthSettings settings, Uri publicBase)
    {
        var origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (settings.Passkeys.Origins.Count > 0)
        {
            foreach (var origin in settings.Passkeys.Origins)
                if (PasskeysValidator.ToOrigin(origin) is { } o) origins.Add(o);
            return origins;
        }
        origins.Add(publicBase.GetLeftPart(UriPartial.Authority));
        // A wildcard entry names no single origin a browser would report, so it gives none.
        foreach (var url in settings.RedirectURLs)
            if (!url.Contains('*', StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                origins.Add(uri.GetLeftPart(UriPartial.Authority));
        return origins;
    }
}
