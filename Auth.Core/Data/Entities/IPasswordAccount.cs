namespace Auth.Core.Data.Entities;

/// <summary>An account that signs in with a password and can be locked out (users and operators).</summary>
public interface IPasswordAccount
{
    /// <summary>The key the lockout's conditional UPDATEs target.</summary>
    string Id { get; }
    string? PasswordHash { get; set; }
    int FailedSignInCount { get; set; }
    DateTime? LockoutEndsAt { get; set; }
}
