namespace Auth.Core.Data.Entities;

/// <summary>A single-use recovery code; only its SHA-256 hash is kept. Using it sets <see cref="UsedAt"/> conditionally.</summary>
public sealed class RecoveryCode
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
