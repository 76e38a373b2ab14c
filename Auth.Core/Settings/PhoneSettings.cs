namespace Auth.Core.Settings;

/// <summary>Phone sign-up/sign-in and SMS codes.</summary>
public sealed class PhoneSettings
{
    public const int CodeExpiresInMin = 60;
    public const int CodeExpiresInMax = 86_400;

    public bool Enabled { get; set; }

    public bool ConfirmPhone { get; set; } = true;

    /// <summary>Whether <c>sendSignInCode</c>/<c>signInWithCode</c> are available.</summary>
    public bool AllowCodeSignIn { get; set; } = true;

    /// <summary>Seconds an SMS code stays valid.</summary>
    public int CodeExpiresIn { get; set; } = 600;

    public SmsProvider SmsProvider { get; set; } = SmsProvider.Twilio;
}

/// <summary>The SMS gateway used to send codes; serialised by name.</summary>
public enum SmsProvider
{
    Twilio,
    MessageBird,
    Vonage,
}
