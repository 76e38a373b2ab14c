using Microsoft.AspNetCore.DataProtection;

namespace Auth.Core.Mfa;

/// <summary>
/// TOTP secrets at rest: the key ring that encrypts settings secrets (SettingsProtector, ADR 0008), under a purpose
/// of their own so a settings ciphertext can never be unprotected as a user's secret or the reverse.
/// </summary>
public sealed class TotpSecrets(IDataProtectionProvider provider)
{
    public const string ProtectorPurpose = "Auth.Core.Mfa.TotpSecret.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(ProtectorPurpose);

    public string Protect(byte[] secret) => Convert.ToBase64String(_protector.Protect(secret));

    public byte[] Unprotect(string stored) => _protector.Unprotect(Convert.FromBase64String(stored));
}
