using Auth.Core.Errors;
using Auth.Core.Settings;
using PhoneNumbers;

namespace Auth.Core.Users;

/// <summary>
/// Which numbers may be signed up with and texted: SMS pumping fraud signs up premium-rate and
/// international-network numbers and earns a share of every text. <c>phone.blockedNumberTypes</c> refuses
/// numbers by their libphonenumber type, <c>phone.allowedCountries</c> (when not empty) accepts only the
/// listed countries; numbers of no country (+800, +882, +883…) are then refused too.
/// </summary>
public static class PhoneNumberPolicy
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The camelCase names of libphonenumber's <see cref="PhoneNumberType"/>, the values of <c>phone.blockedNumberTypes</c>.</summary>
    public static IReadOnlyDictionary<string, PhoneNumberType> TypeNames { get; } =
        Enum.GetValues<PhoneNumberType>().ToDictionary(CamelName, t => t, StringComparer.Ordinal);

    /// <summary>ISO 3166 alpha-2 codes libphonenumber has a numbering plan for.</summary>
    public static bool IsKnownCountry(string? code) => code is { Length: 2 } && Util.GetSupportedRegions().Contains(code);

    /// <summary><c>phone_number_not_allowed</c> when <paramref name="e164"/> (already normalised) is refused by <paramref name="phone"/>.</summary>
    public static AuthError? Check(PhoneSettings phone, string e164)
    {
        ArgumentNullException.ThrowIfNull(phone);
        PhoneNumbers.PhoneNumber number;
        try
        {
            number = Util.Parse(e164, null);
        }
        catch (NumberParseException)
        {
            return NotAllowed("This phone number cannot receive texts from this service.");
        }

        var type = Util.GetNumberType(number);
        if (phone.BlockedNumberTypes.Contains(CamelName(type), StringComparer.Ordinal))
            return NotAllowed(type == PhoneNumberType.UNKNOWN
                ? "This phone number is not a valid number in its country's numbering plan."
                : "This type of phone number (premium rate, shared cost…) cannot receive texts from this service.");

        if (phone.AllowedCountries.Count > 0
            && !phone.AllowedCountries.Contains(Util.GetRegionCodeForNumber(number) ?? "", StringComparer.Ordinal))
            return NotAllowed("Phone numbers from this country are not accepted.");
        return null;
    }

    private static AuthError NotAllowed(string message) => new(AuthErrors.PhoneNumberNotAllowed, message);

    // PREMIUM_RATE → premiumRate, FIXED_LINE_OR_MOBILE → fixedLineOrMobile, VOIP → voip, UAN → uan.
    private static string CamelName(PhoneNumberType type)
    {
        var parts = type.ToString().ToLowerInvariant().Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
