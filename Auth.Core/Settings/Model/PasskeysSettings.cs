namespace Auth.Core.Settings;

/// <summary>
/// Passkeys (WebAuthn Level 2); see docs/decisions/0015. Null or empty values are resolved at run time
/// (<see cref="Auth.Core.Passkeys.PasskeyRelyingParty"/>), never stored, so moving the host moves them too.
/// </summary>
public sealed class PasskeysSettings
{
    public const string Required = "required";
    public const string Preferred = "preferred";
    public const string Discouraged = "discouraged";
    public static readonly IReadOnlyList<string> UserVerificationValues = [Required, Preferred, Discouraged];

    public const int RpNameMaxLength = 100;
    public const int RpIdMaxLength = 253;
    public const int OriginsMax = 20;

    /// <summary>Users may register passkeys and sign in with them. Off: every passkey route answers <c>passkeys_disabled</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The name authenticators show; null or blank means <c>app.name</c>.</summary>
    public string? RpName { get; set; }

    /// <summary>The relying party id (a host name); null or blank means the host of <c>Runtime:PublicBaseUrl</c>.</summary>
    public string? RpId { get; set; }

    /// <summary>Origins a ceremony may come from; empty means the public base URL's origin plus the redirect URLs' origins.</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>
    /// <c>required</c> (the default: a passkey alone then proves two factors, possession and the device's PIN or
    /// biometric), <c>preferred</c> or <c>discouraged</c>; a verified passkey sign-in satisfies the second factor.
    /// </summary>
    public string UserVerification { get; set; } = Required;
}
