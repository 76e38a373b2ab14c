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

    /// <summary>The stored space-separated value as a list (empty for sessions opened before amr was recorded).</summary>
    public static IReadOnlyList<string> Split(string? amr) =>
        string.IsNullOrWhiteSpace(amr) ? [] : amr.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A second factor (authenticator code or recovery code) was proven for this session.</summary>
    public static bool HasSecondFactor(string? amr) => Split(amr).Any(m => m is Totp or Recovery);

    /// <summary><paramref name="amr"/> with <paramref name="method"/> added once.</summary>
    public static string With(string? amr, string method) =>
        Split(amr).Contains(method) ? amr!.Trim() : string.Join(' ', Split(amr).Append(method));

    /// <summary>
    /// The JWT <c>amr</c> claim in RFC 8176 values: <c>totp</c> and <c>recovery</c> are one-time codes (<c>otp</c>), and two
    /// proven methods add <c>mfa</c>. <c>email</c> and <c>oauth</c> have no registered value and keep their names.
    /// </summary>
    public static IReadOnlyList<string> ToRfc8176(string? amr)
    {
        var ours = Split(amr);
        var claim = ours.Select(m => m is Totp or Recovery ? "otp" : m).Distinct().ToList();
        if (ours.Count >= 2) claim.Add("mfa");
        return claim;
    }
}
