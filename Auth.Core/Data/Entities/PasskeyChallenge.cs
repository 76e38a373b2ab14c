namespace Auth.Core.Data.Entities;

/// <summary>
/// The challenge of one WebAuthn ceremony, with the options it was issued in (the verifier needs them back).
/// Found by the SHA-256 of the challenge the client signed; spent by one conditional UPDATE.
/// </summary>
public sealed class PasskeyChallenge
{
    public const string Register = "register";
    public const string SignIn = "signin";

    public required string Id { get; set; }
    public required string ChallengeHash { get; set; }
    public required string Purpose { get; set; }
    /// <summary>The registering user, or the user an e-mail sign-in named; null for a discoverable sign-in (or an unknown e-mail).</summary>
    public string? UserId { get; set; }
    public required string OptionsJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ConsumedAt { get; set; }
}
