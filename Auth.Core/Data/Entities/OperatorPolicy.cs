namespace Auth.Core.Data.Entities;

/// <summary>
/// The studio-wide rules for operators, one row (<see cref="SingletonId"/>). Not part of the app's versioned settings:
/// they govern the studio itself, take effect at once and are never published or rolled back with the app's settings.
/// </summary>
public sealed class OperatorPolicy
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    /// <summary>Every operator must have an authenticator app; those without one can only enrol.</summary>
    public bool RequireTotp { get; set; }
    public DateTime UpdatedAt { get; set; }
}
