namespace Auth.Core.Settings;

/// <summary>Whether a message goes out by e-mail or by SMS.</summary>
public enum MessageChannel
{
    Email,
    Sms,
}

/// <summary>The message kinds, keyed as in the settings JSON (<c>messages.confirm_email</c>, …).</summary>
public static class MessageType
{
    public const string ConfirmEmail = "confirm_email";
    public const string MagicLink = "magic_link";
    public const string ResetPassword = "reset_password";
    public const string ConfirmEmailChange = "confirm_email_change";
    public const string VerifySmsCode = "verify_sms_code";
    public const string SigninSmsCode = "signin_sms_code";

    /// <summary>To the owner of an address someone tried to sign up with (enumeration protection on, ADR 0007).</summary>
    public const string AccountExists = "account_exists";

    /// <summary>All keys, e-mail types first, in display order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ConfirmEmail, MagicLink, ResetPassword, ConfirmEmailChange, AccountExists, VerifySmsCode, SigninSmsCode];

    public static bool IsKnown(string key) => All.Contains(key, StringComparer.Ordinal);

    /// <summary>The channel of <paramref name="key"/>; throws for an unknown key because that is a programming error.</summary>
    public static MessageChannel ChannelOf(string key) => key switch
    {
        ConfirmEmail or MagicLink or ResetPassword or ConfirmEmailChange or AccountExists => MessageChannel.Email,
        VerifySmsCode or SigninSmsCode => MessageChannel.Sms,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown message type."),
    };

    public static bool IsEmail(string key) => ChannelOf(key) == MessageChannel.Email;

    public static bool IsSms(string key) => ChannelOf(key) == MessageChannel.Sms;
}
