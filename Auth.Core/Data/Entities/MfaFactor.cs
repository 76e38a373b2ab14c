namespace Auth.Core.Data.Entities;

/// <summary>
/// A user's second factor (today only an authenticator app, <c>totp</c>). It guards sign-in once
/// <see cref="ConfirmedAt"/> is set; an unconfirmed row is an enrolment in progress.
/// </summary>
public sealed class MfaFactor : ITotpFactor
{
    public const string Totp = "totp";

    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string Type { get; set; }
    /// <summary>The shared secret, encrypted with Data Protection (never stored in clear).</summary>
    public required string ProtectedSecret { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>The last time step whose code was accepted; only a later step is accepted next (one conditional UPDATE).</summary>
    public long? LastUsedStep { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
