namespace Auth.Core.Settings;

/// <summary>Phone sign-up/sign-in and SMS codes.</summary>
public sealed class PhoneSettings
{
    public const int CodeExpiresInMin = 60;
    public const int CodeExpiresInMax = 86_400;
    public const int AllowedCountriesMax = 300;

    /// <summary>The types refused when nothing is configured: where SMS pumping fraud sends its texts.</summary>
    public static readonly IReadOnlyList<string> DefaultBlockedNumberTypes = ["premiumRate", "sharedCost", "unknown"];

    public bool Enabled { get; set; }

    public bool ConfirmPhone { get; set; } = true;

    /// <summary>Whether <c>sendSignInCode</c>/<c>signInWithCode</c> are available.</summary>
    public bool AllowCodeSignIn { get; set; } = true;

    /// <summary>Seconds an SMS code stays valid.</summary>
    public int CodeExpiresIn { get; set; } = 600;

    public SmsProvider SmsProvider { get; set; } = SmsProvider.Twilio;

    /// <summary>
    /// libphonenumber number types (camelCase <c>PhoneNumberType</c> names, see <see cref="Users.PhoneNumberPolicy"/>)
    /// refused at sign-up and for every text. "unknown" covers numbers outside every known numbering plan.
    /// </summary>
    public List<string> BlockedNumberTypes { get; set; } = [.. DefaultBlockedNumberTypes];

    /// <summary>ISO 3166 alpha-2 codes of the countries whose numbers are accepted; empty accepts all.</summary>
    public List<string> AllowedCountries { get; set; } = [];
}

/// <summary>The SMS gateway used to send codes; serialised by name.</summary>
public enum SmsProvider
{
    Twilio,
    MessageBird,
    Vonage,
}
