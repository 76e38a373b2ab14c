using Fido2NetLib.Objects;

namespace Auth.Core.Passkeys;

/// <summary>Conversions between Fido2's enums and what the Passkeys table and settings hold.</summary>
internal static class PasskeyTransports
{
    private static readonly Dictionary<AuthenticatorTransport, string> WireNames = new()
    {
        [AuthenticatorTransport.Usb] = "usb", [AuthenticatorTransport.Nfc] = "nfc", [AuthenticatorTransport.Ble] = "ble",
        [AuthenticatorTransport.SmartCard] = "smart-card", [AuthenticatorTransport.Hybrid] = "hybrid",
        [AuthenticatorTransport.Internal] = "internal",
    };

    public static string? Join(AuthenticatorTransport[]? transports) =>
        transports is { Length: > 0 } ? string.Join(',', transports.Where(WireNames.ContainsKey).Select(t => WireNames[t]).Distinct()) : null;

    public static IReadOnlyList<string> Names(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static PublicKeyCredentialDescriptor Descriptor(byte[] credentialId, string? stored)
    {
        var transports = Names(stored).Select(n => WireNames.FirstOrDefault(w => w.Value == n))
            .Where(w => w.Value is not null).Select(w => w.Key).ToArray();
        return new PublicKeyCredentialDescriptor(PublicKeyCredentialType.PublicKey, credentialId, transports.Length > 0 ? transports : null);
    }

    public static UserVerificationRequirement Requirement(string setting) => setting switch
    {
        Settings.PasskeysSettings.Required => UserVerificationRequirement.Required,
        Settings.PasskeysSettings.Discouraged => UserVerificationRequirement.Discouraged,
        _ => UserVerificationRequirement.Preferred,
    };
}
