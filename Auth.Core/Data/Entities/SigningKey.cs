namespace Auth.Core.Data.Entities;

/// <summary>A JWT signing key. The private half is Data-Protection encrypted; the public JWK is published.</summary>
public sealed class SigningKey
{
    public required string Id { get; set; }
    public required string Algorithm { get; set; }
    public required string ProtectedPrivateKey { get; set; }
    public required string PublicJwk { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RetiredAt { get; set; }
}
