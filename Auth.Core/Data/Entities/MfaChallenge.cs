namespace Auth.Core.Data.Entities;

/// <summary>
/// The pending second step of a sign-in: the first factor passed, the session waits for a code.
/// The client holds the <c>mfaToken</c>; only its hash is kept, and consuming it is one conditional UPDATE.
/// </summary>
public sealed class MfaChallenge
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>How the first factor was proven (<c>pwd</c>, <c>otp</c>, <c>sms</c>, <c>email</c>, <c>oauth</c>).</summary>
    public required string FirstFactor { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ConsumedAt { get; set; }
}
