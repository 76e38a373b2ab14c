namespace Auth.Core.Data.Entities;

/// <summary>
/// A studio operator's authenticator app. Same shape as a user's <see cref="MfaFactor"/> (the same checks run on both),
/// in a table of its own because operators are not users. Guards sign-in once <see cref="ConfirmedAt"/> is set.
/// </summary>
public sealed class OperatorMfaFactor : ITotpFactor
{
    public required string Id { get; set; }
    public required string OperatorId { get; set; }
    /// <summary>The shared secret, encrypted with Data Protection (never stored in clear).</summary>
    public required string ProtectedSecret { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public long? LastUsedStep { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
