namespace Auth.Core.Data.Entities;

/// <summary>
/// Access tokens, e-mail link keys, SMS codes and setup codes. Only a SHA-256 hash is stored;
/// consuming sets <see cref="ConsumedAt"/> in one conditional UPDATE, so a token works once.
/// </summary>
public sealed class OneTimeToken
{
    public required string Id { get; set; }
    public required string Purpose { get; set; }
    public required string TokenHash { get; set; }
    public string? UserId { get; set; }
    /// <summary>The address or phone the token was sent to (codes are looked up by it).</summary>
    public string? Target { get; set; }
    public string? RedirectUrl { get; set; }
    /// <summary>Purpose-specific JSON (e.g. the new e-mail of a change request).</summary>
    public string? Data { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ConsumedAt { get; set; }
    public int Attempts { get; set; }
}
