namespace Auth.Core.Data.Entities;

/// <summary>
/// An authenticator-app factor, a user's (<see cref="MfaFactor"/>) or an operator's (<see cref="OperatorMfaFactor"/>):
/// what <see cref="Mfa.TotpFactors"/> needs to check a code and spend its time step in one conditional UPDATE.
/// </summary>
public interface ITotpFactor
{
    string Id { get; }
    string ProtectedSecret { get; }
    DateTime? ConfirmedAt { get; set; }
    long? LastUsedStep { get; set; }
    DateTime? LastUsedAt { get; set; }
}
