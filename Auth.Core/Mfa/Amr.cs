using Auth.Core.SignIn;

namespace Auth.Core.Mfa;

/// <summary>Authentication method references (RFC 8176 names where one fits) recorded on sessions and challenges.</summary>
public static class Amr
{
    public const string Password = "pwd";
    public const string Sms = "sms";
    /// <summary>An e-mailed link (magic link, confirmation, e-mail change).</summary>
    public const string Email = "email";
    public const string OAuth = "oauth";
    public const string Totp = "totp";
    public const string Recovery = "recovery";
    /// <summary>A WebAuthn passkey (ADR 0015); with user verification it stands for both factors.</summary>
    public const string Passkey = "passkey";

    /// <summary>How the holder of an <c>at-…</c> token signed in, from the action it was issued for.</summary>
    public static string ForAccessTokenAction(string? action) =>
        action is ProviderSignInResult.SignInAction or ProviderSignInResult.SignUpAction ? OAuth : Email;
}
