using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>
/// The <c>action</c> of a verify link and of the redirect after it (<c>token.actionType</c> in templates).
/// Each names exactly one token purpose, so a link for one action never works for another.
/// </summary>
public static class ActionTypes
{
    public const string EmailConfirm = "email-confirm";
    public const string MagicLink = "magic-link";
    public const string ResetPassword = "reset-pwd";
    public const string ChangeEmail = "change-email";
    public const string VerifyPhone = "verify-phone";
    public const string SignInCode = "signin-code";
    public const string ResetPasswordCode = "reset-pwd-code";
    public const string ChangePhone = "change-phone";

    /// <summary>The account_exists notice: its link is the sign-up's redirect URL, not a verify link.</summary>
    public const string AccountExists = "account-exists";

    /// <summary>The actions <c>GET /auth/verify</c> accepts.</summary>
    public static IReadOnlyList<string> Links { get; } = [EmailConfirm, MagicLink, ResetPassword, ChangeEmail];

    public static string ForMessage(string type) => type switch
    {
        MessageType.ConfirmEmail => EmailConfirm,
        MessageType.MagicLink => MagicLink,
        MessageType.ResetPassword => ResetPassword,
        MessageType.ConfirmEmailChange => ChangeEmail,
        MessageType.AccountExists => AccountExists,
        MessageType.VerifySmsCode => VerifyPhone,
        MessageType.SigninSmsCode => SignInCode,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown message type."),
    };
}
