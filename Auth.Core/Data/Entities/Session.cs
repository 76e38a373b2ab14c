namespace Auth.Core.Data.Entities;

/// <summary>A signed-in device. The JWT carries <see cref="Id"/> as <c>sid</c>; revoking the row kills the token.</summary>
public sealed class Session
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? UserAgent { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>How the user proved who they are, space-separated RFC 8176 style (<c>pwd totp</c>); null on rows from before it was kept.</summary>
    public string? Amr { get; set; }
}
