namespace Auth.Core.Users;

/// <summary>The outcome of <see cref="PasswordHasher.Verify"/>.</summary>
public enum PasswordVerification
{
    Failed = 0,
    Success = 1,

    /// <summary>The password is right, but the stored hash uses weaker parameters: store a fresh hash.</summary>
    SuccessRehashNeeded = 2,
}
