using Auth.Core.Operators;

namespace Auth.Core.Data.Entities;

/// <summary>A studio operator (administrator of the settings), separate from app users.</summary>
public sealed class Operator : IPasswordAccount
{
    public required string Id { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string? PasswordHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastLoginAt { get; set; }
    public int FailedSignInCount { get; set; }
    public DateTime? LockoutEndsAt { get; set; }
    public OperatorRole Role { get; set; }

    /// <summary>
    /// Changes with the password: studio cookies carry it as a claim and management-API tokens as their <c>sid</c>,
    /// so a password change ends every other sign-in. Null for operators created before it existed (nothing to match).
    /// </summary>
    public string? SecurityStamp { get; set; }
}
