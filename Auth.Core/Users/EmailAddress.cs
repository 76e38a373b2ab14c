using System.Globalization;
using System.Text;
using Auth.Core.Errors;

namespace Auth.Core.Users;

/// <summary>An accepted email address.</summary>
/// <param name="Display">The trimmed address as the user typed it (NFC), for showing and for sending mail.</param>
/// <param name="Normalized">The unique-index key: local part lower-cased (invariant), domain in lower-case
/// punycode. Case-insensitive everywhere, accents significant: "Élise@x.fr" equals "élise@X.FR" but not "elise@x.fr".</param>
public sealed record NormalizedEmail(string Display, string Normalized);

/// <summary>
/// Practical email validation: one <c>@</c>, a local part of printable non-space characters without
/// <c>&lt;&gt;()[],;:\"</c>, and a dotted domain of letters (any script), digits and hyphens.
/// Quoted local parts, comments and IP-literal domains are refused: real sign-ups do not use them.
/// </summary>
public static class EmailAddress
{
    /// <summary>RFC 5321's practical limit (a 256-octet path minus the angle brackets).</summary>
    public const int MaxLength = 254;

    private const int MaxLocalLength = 64;
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;
    private const string ForbiddenInLocal = "<>()[],;:\\\"@";

    public static Result<NormalizedEmail> Normalize(string? input, string field = "email")
    {
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return AuthError.Validation(field, "An email address is required.");
        if (trimmed.Length > MaxLength)
            return AuthError.Validation(field, "The email address is too long.");

        string display;
        try
        {
            // NFC first: "é" typed as one code point or as e + combining accent is the same address.
            display = trimmed.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return AuthError.Validation(field, "The email address contains invalid characters.");
        }

        var at = display.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != display.LastIndexOf('@'))
            return AuthError.Validation(field, "The email address must contain a single @.");

        var local = display[..at];
        if (local.Length is 0 or > MaxLocalLength || !IsValidLocalPart(local))
            return AuthError.Validation(field, "The part of the email address before @ is not valid.");

        var asciiDomain = ToAsciiDomain(display[(at + 1)..]);
        if (asciiDomain is null)
            return AuthError.Validation(field, "The domain of the email address is not valid.");

        // Lower-casing can, rarely, un-normalise a string; normalise again so equal keys stay equal.
        var normalized = local.ToLowerInvariant().Normalize(NormalizationForm.FormC) + "@" + asciiDomain;
        if (normalized.Length > MaxLength)
            return AuthError.Validation(field, "The email address is too long.");

        return new NormalizedEmail(display, normalized);
    }

    private static bool IsValidLocalPart(string local)
    {
        foreach (var rune in local.EnumerateRunes())
        {
            if (rune.IsAscii && ForbiddenInLocal.Contains((char)rune.Value, StringComparison.Ordinal))
                return false;
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                    or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator:
                    return false;
            }
        }
        return true;
    }

    /// <summary>The lower-case punycode form of a domain, or null when it is not a usable host name.</summary>
    private static string? ToAsciiDomain(string domain)
    {
        if (domain.Length == 0)
            return null;

        // Pre-filter so IdnMapping's own mappings (e.g. U+3002 ideographic full stop to ".") never turn
        // a string we would not accept into one that looks fine.
        foreach (var rune in domain.EnumerateRunes())
        {
            var ok = rune.IsAscii
                ? char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '.'
                : Rune.IsLetter(rune) || Rune.IsDigit(rune) || Rune.GetUnicodeCategory(rune)
                    is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (!ok)
                return null;
        }

        string ascii;
        try
        {
            ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        var labels = ascii.Split('.');
        if (ascii.Length > MaxDomainLength || labels.Length < 2)
            return null;
        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                return null;
        }

        // No top-level domain is numeric; this refuses bare IPv4 addresses such as user@10.0.0.1.
        return labels[^1].All(char.IsAsciiDigit) ? null : ascii;
    }
}
