using System.Text;
using System.Text.RegularExpressions;
using Auth.Core.Errors;
using PhoneNumbers;

namespace Auth.Core.Users;

/// <summary>
/// Phone numbers in E.164 ("+15555555555"), the unique-index key for phone identifiers.
/// </summary>
/// <remarks>
/// Only <see cref="PhoneNumberUtil.IsPossibleNumber(PhoneNumbers.PhoneNumber)"/> (length per country) is
/// required, not full validity: numbering plans change faster than the library, and the SMS code
/// proves the number is real anyway. There is no default region, because the runtime serves
/// users from everywhere; "020 7946 0958" is refused with a message asking for the country code.
/// </remarks>
public static partial class PhoneNumber
{
    private const int MaxInputLength = 40;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static Result<string> NormalizeE164(string? input, string field = "phone")
    {
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return AuthError.Validation(field, "A phone number is required.");
        if (trimmed.Length > MaxInputLength || !AllowedCharacters().IsMatch(trimmed))
            return AuthError.Validation(field,
                "A phone number may contain only digits, spaces, dashes, dots, brackets and a leading +.");

        // "+44 (0)20 …" writes the national trunk prefix in brackets; it is not dialled internationally.
        var withoutTrunk = TrunkPrefixAfterCountryCode().Replace(trimmed, "$1", 1);

        var compact = new StringBuilder(withoutTrunk.Length);
        foreach (var c in withoutTrunk)
        {
            if (char.IsAsciiDigit(c) || c == '+')
                compact.Append(c);
        }

        var digits = compact.ToString();
        if (digits.StartsWith("00", StringComparison.Ordinal))
            digits = "+" + digits[2..];
        if (!digits.StartsWith('+'))
            return AuthError.Validation(field, "Include the country code, starting with + or 00 (for example +1 555 555 5555).");
        if (digits.LastIndexOf('+') != 0)
            return AuthError.Validation(field, "A phone number may contain only one +, at the start.");

        try
        {
            var number = Util.Parse(digits, null);
            if (!Util.IsPossibleNumber(number))
                return AuthError.Validation(field, "The phone number has the wrong number of digits for its country.");
            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return AuthError.Validation(field, "The phone number is not valid.");
        }
    }

    // Digits and the separators people type; the + may sit inside a leading bracket: "(+44) 20 …".
    [GeneratedRegex(@"^[0-9+\s().\-]+$")]
    private static partial Regex AllowedCharacters();

    // "+CC (0)" or "00CC (0)" at the start: keeps "+CC", drops "(0)".
    [GeneratedRegex(@"^(\(?(?:\+|00)\s*[0-9]{1,3}\)?)[\s.\-]*\(0\)")]
    private static partial Regex TrunkPrefixAfterCountryCode();
}
