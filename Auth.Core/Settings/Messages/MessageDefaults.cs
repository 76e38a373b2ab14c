namespace Auth.Core.Settings;

/// <summary>
/// The templates that ship. Subjects and bodies are Scriban over the message model
/// (<c>user</c>, <c>token</c>, <c>app</c>); the renderer HTML-encodes inserted values,
/// so the bodies insert them raw. <c>token.expiresIn</c> is expected to render as text
/// such as "1 hour", which is why it is placed mid-sentence.
/// </summary>
public static class MessageDefaults
{
    public const string ConfirmEmailSubject = "Confirm your email address for {{ app.name }}";
    public const string MagicLinkSubject = "Your sign-in link for {{ app.name }}";
    public const string ResetPasswordSubject = "Reset your {{ app.name }} password";
    public const string ConfirmEmailChangeSubject = "Confirm your new email address for {{ app.name }}";
    public const string AccountExistsSubject = "Someone tried to sign up for {{ app.name }} with your email address";

    public static readonly string ConfirmEmailBody = EmailBody(
        "Confirm your email address",
        "Thanks for signing up for {{ app.name }}. Confirm your email address to finish creating your account.",
        "Confirm email address",
        "If you didn't sign up, don't click the button: ignore this email and the account is never created. "
        + "Someone may have typed your address by mistake or on purpose; nobody can use it without this link.");

    public static readonly string MagicLinkBody = EmailBody(
        "Sign in to {{ app.name }}",
        "Use the button below to sign in. The link works once.",
        "Sign in",
        "If you didn't ask for this link, you can ignore this email.");

    public static readonly string ResetPasswordBody = EmailBody(
        "Reset your password",
        "We received a request to reset the password of your {{ app.name }} account.",
        "Choose a new password",
        "If you didn't ask to reset your password, you can ignore this email; your password stays the same.");

    public static readonly string ConfirmEmailChangeBody = EmailBody(
        "Confirm your new email address",
        "Confirm that you want to use this address for your {{ app.name }} account.",
        "Confirm new email address",
        "If you didn't ask for this change, ignore this email and your address stays the same.");

    // No expiry line: the link is the app's own page, not a one-time link.
    public static readonly string AccountExistsBody = """
        <!DOCTYPE html>
        <html>
        <body style="margin:0;padding:24px;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b;">
          <div style="max-width:480px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px;">
            <h1 style="font-size:20px;margin:0 0 16px;">You already have an account</h1>
            <p style="margin:0 0 16px;">Hi{{ if user.name != null && user.name != "" }} {{ user.name }}{{ end }},</p>
            <p style="margin:0 0 24px;">Someone just tried to sign up for {{ app.name }} with this email address, which already has an account. Nothing about your account changed.</p>
            <p style="margin:0 0 24px;">
              <a href="{{ token.confirmationURL }}" style="display:inline-block;background:#2563eb;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;">Go to {{ app.name }}</a>
            </p>
            <p style="margin:0;font-size:13px;color:#52525b;">If that was you, sign in instead, or reset your password if you forgot it. If it wasn't you, you can ignore this email.</p>
          </div>
          <p style="text-align:center;font-size:12px;color:#a1a1aa;">{{ app.name }}</p>
        </body>
        </html>
        """;

    // Short enough for one GSM-7 segment with a typical app name.
    public const string VerifySmsCodeBody =
        "{{ token.code }} is your {{ app.name }} verification code. It expires in {{ token.expiresIn }}.";

    public const string SigninSmsCodeBody =
        "{{ token.code }} is your {{ app.name }} sign-in code. Don't share it with anyone.";

    /// <summary>A fresh copy of the default template for <paramref name="key"/> (a <see cref="MessageType"/> key).</summary>
    public static MessageTemplate For(string key) => key switch
    {
        MessageType.ConfirmEmail => Email(ConfirmEmailSubject, ConfirmEmailBody),
        MessageType.MagicLink => Email(MagicLinkSubject, MagicLinkBody),
        MessageType.ResetPassword => Email(ResetPasswordSubject, ResetPasswordBody),
        MessageType.ConfirmEmailChange => Email(ConfirmEmailChangeSubject, ConfirmEmailChangeBody),
        MessageType.AccountExists => Email(AccountExistsSubject, AccountExistsBody),
        MessageType.VerifySmsCode => new MessageTemplate { Body = VerifySmsCodeBody },
        MessageType.SigninSmsCode => new MessageTemplate { Body = SigninSmsCodeBody },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown message type."),
    };

    private static MessageTemplate Email(string subject, string body) => new() { Subject = subject, Body = body };

    // One layout for every e-mail: inline styles only, because mail clients drop <style> blocks.
    // $$$ so that Scriban's {{ }} stays literal and only {{{x}}} interpolates.
    private static string EmailBody(string heading, string intro, string button, string footer) => $$$"""
        <!DOCTYPE html>
        <html>
        <body style="margin:0;padding:24px;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b;">
          <div style="max-width:480px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px;">
            <h1 style="font-size:20px;margin:0 0 16px;">{{{heading}}}</h1>
            <p style="margin:0 0 16px;">Hi{{ if user.name != null && user.name != "" }} {{ user.name }}{{ end }},</p>
            <p style="margin:0 0 24px;">{{{intro}}}</p>
            <p style="margin:0 0 24px;">
              <a href="{{ token.confirmationURL }}" style="display:inline-block;background:#2563eb;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;">{{{button}}}</a>
            </p>
            <p style="margin:0 0 8px;font-size:13px;color:#52525b;">This link expires in {{ token.expiresIn }}. If the button doesn't work, copy this address into your browser:</p>
            <p style="margin:0 0 24px;font-size:13px;word-break:break-all;"><a href="{{ token.confirmationURL }}" style="color:#2563eb;">{{ token.confirmationURL }}</a></p>
            <p style="margin:0;font-size:13px;color:#52525b;">{{{footer}}}</p>
          </div>
          <p style="text-align:center;font-size:12px;color:#a1a1aa;">{{ app.name }}</p>
        </body>
        </html>
        """;
}
