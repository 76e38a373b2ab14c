using Auth.Core.Mfa;

namespace Auth.Runtime.Contracts;

// Every field is nullable: a missing field is the flow's validation_error, not a binder failure.

public sealed record MfaConfirmRequest(string? FactorId, string? Code);

public sealed record MfaVerifyRequest(string? MfaToken, string? Code, string? RecoveryCode);

/// <summary>The password or a current code, for removing a factor and replacing recovery codes.</summary>
public sealed record MfaProofRequest(string? Password, string? Code)
{
    public MfaProof ToProof() => new(Password, Code);
}

public sealed record TotpEnrollResponse(string FactorId, string Secret, string OtpauthUrl, string QrCodeSvg)
{
    public static TotpEnrollResponse From(TotpEnrollmentStarted s) => new(s.FactorId, s.Secret, s.OtpauthUrl, s.QrCodeSvg);
}

/// <summary>Shown once: only their hashes are kept.</summary>
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// A confirmed authenticator: its recovery codes (shown once) and the caller's session re-issued, whose token's JWT
/// carries the new amr (<c>otp</c>, <c>mfa</c>); the old token stays valid until it expires.
/// </summary>
public sealed record TotpConfirmResponse(IReadOnlyList<string> RecoveryCodes, SessionResponse? Session);

public sealed record MfaFactorResponse(string Id, string Type, DateTime CreatedAt, DateTime? ConfirmedAt, DateTime? LastUsedAt)
{
    public static MfaFactorResponse From(MfaFactorInfo f) => new(f.Id, f.Type, f.CreatedAt, f.ConfirmedAt, f.LastUsedAt);
}
