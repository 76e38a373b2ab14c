namespace Auth.Core.Data.Entities;

/// <summary>A single-use recovery code of an operator; only its SHA-256 hash is kept, spent by one conditional UPDATE.</summary>
public sealed class OperatorRecoveryCode
{
    public required string Id { get; set; }
    public required string OperatorId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
