namespace Auth.Core.Settings;

/// <summary>The rules of <c>passkeys.*</c>: a bare host for the RP id, bare origins, a known verification level.</summary>
internal static class PasskeysValidator
{
    public static void Validate(PasskeysSettings p, FieldErrors errors)
    {
        errors.HeaderText("passkeys.rpName", p.RpName, PasskeysSettings.RpNameMaxLength);
        if (FieldErrors.IsSet(p.RpId) && !IsHostName(p.RpId))
            errors.Add("passkeys.rpId", "Must be a host name in lower case, without scheme, port or path (such as example.com).");
        if (!PasskeysSettings.UserVerificationValues.Contains(p.UserVerification))
            errors.Add("passkeys.userVerification", "Must be required, preferred or discouraged.");
        if (p.Origins.Count > PasskeysSettings.OriginsMax)
            errors.Add("passkeys.origins", $"At most {PasskeysSettings.OriginsMax} origins are allowed.");
        for (var i = 0; i < p.Origins.Count; i++)
        {
            var path = $"passkeys.origins[{i}]";
            if (ToOrigin(p.Origins[i]) is not { } origin)
                errors.Add(path, "Must be an origin: http:// or https://, a host and an optional port, nothing after.");
            else if (p.Origins.FindIndex(o => ToOrigin(o) == origin) < i)
                errors.Add(path, "Listed twice.");
            // Browsers refuse a ceremony whose RP id is not the page's host or a parent of it.
            else if (FieldErrors.IsSet(p.RpId) && IsHostName(p.RpId) && !IsSameOrParent(p.RpId, new Uri(origin).Host))
                errors.Add(path, "Its host must be passkeys.rpId or end with ." + p.RpId + ".");
        }
    }

    /// <summary>The canonical origin (<c>scheme://host[:port]</c>) of an entry that is exactly an origin, else null.</summary>
    public static string? ToOrigin(string? value)
    {
        if (!FieldErrors.IsSet(value) || value.Any(char.IsWhiteSpace) || value.EndsWith('/')
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return null;
        return uri.GetLeftPart(UriPartial.Authority);
    }

    public static bool IsSameOrParent(string rpId, string host) =>
        host == rpId || host.EndsWith("." + rpId, StringComparison.Ordinal);

    private static bool IsHostName(string value) =>
        value.Length <= PasskeysSettings.RpIdMaxLength
        && value == value.ToLowerInvariant()
        && Uri.CheckHostName(value) == UriHostNameType.Dns
        && !value.StartsWith('.') && !value.EndsWith('.');
}
