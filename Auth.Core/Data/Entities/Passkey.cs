namespace Auth.Core.Data.Entities;

/// <summary>
/// A WebAuthn credential registered by a user: its public key (COSE), never a secret. Found at sign-in by
/// <see cref="CredentialId"/> (unique); the signature counter only moves forward (one conditional UPDATE).
/// </summary>
public sealed class Passkey
{
    public const int CredentialIdMaxBytes = 1023;

    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required byte[] CredentialId { get; set; }
    /// <summary>The COSE_Key the authenticator gave at registration.</summary>
    public required byte[] PublicKey { get; set; }
    public long SignCount { get; set; }
    /// <summary>Comma-separated transport hints (<c>internal,hybrid</c>) handed back in allowCredentials.</summary>
    public string? Transports { get; set; }
    public Guid Aaguid { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public bool BackupEligible { get; set; }
    public bool BackedUp { get; set; }
    /// <summary>Assertions refused because the counter did not move forward (a cloned authenticator, or a replay).</summary>
    public int CounterRegressions { get; set; }
    public DateTime? CounterRegressedAt { get; set; }
}
