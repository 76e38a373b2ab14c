using System.Globalization;
using Auth.Core.Settings;

namespace Studio.Web.Editing;

/// <summary>What the template editor says about each message type and each variable of the model.</summary>
public static class TemplateHelp
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [MessageType.ConfirmEmail] = "Sent on e-mail sign-up when “Confirm e-mail” is on, and by resend. Its link confirms the address.",
        [MessageType.MagicLink] = "Sent by sendMagicLinkEmail. Its link signs the user in.",
        [MessageType.ResetPassword] = "Sent by the password-reset request. Its link lets the user choose a new password.",
        [MessageType.ConfirmEmailChange] = "Sent to the new address when a user changes it. Its link completes the change.",
        [MessageType.AccountExists] = "With enumeration protection on, sent to the owner of an address someone tried to sign up with. Its link is the sign-up's redirect URL.",
        [MessageType.VerifySmsCode] = "Texted on phone sign-up when “Confirm phone” is on, on resend, on a phone change and for a reset by code.",
        [MessageType.SigninSmsCode] = "Texted by sendSignInCode for signInWithCode.",
    };

    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal)
    {
        ["user.name"] = "The recipient's name",
        ["user.email"] = "The account's current e-mail address",
        ["user.phone"] = "The account's phone number",
        ["user.emailVerified"] = "Whether the e-mail address is verified",
        ["user.phoneVerified"] = "Whether the phone number is verified",
        ["token.code"] = "The 6-digit code (SMS)",
        ["token.confirmationURL"] = "The link to click (e-mail)",
        ["token.redirectURL"] = "Where the link sends the browser afterwards (e-mail)",
        ["token.email"] = "The address the message goes to",
        ["token.phone"] = "The number the message goes to",
        ["token.expiresAt"] = "When the link or code stops working",
        ["token.expiresIn"] = "How long it works, in words",
        ["token.actionType"] = "What the link or code is for",
        ["app.name"] = "The app's name (General settings)",
    };

    public static string DescribeType(string type) => Types.GetValueOrDefault(type, "");

    public static string DescribeVariable(string name) => Variables.GetValueOrDefault(name, "");

    /// <summary>A sample value as a template would print it; null when this message type leaves it unset.</summary>
    public static string? Show(object? value) => value switch
    {
        null => null,
        DateTime at => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
