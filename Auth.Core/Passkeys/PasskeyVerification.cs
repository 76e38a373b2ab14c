using System.Formats.Cbor;
using System.Security.Cryptography;
using Fido2NetLib;

namespace Auth.Core.Passkeys;

/// <summary>Which exceptions of Fido2's verification mean "this credential is not acceptable" rather than a fault of ours.</summary>
internal static class PasskeyVerification
{
    // Fido2 parses attacker-supplied CBOR, JSON, URIs and keys: each parser's own exception is a refusal too.
    public static bool IsRefusal(Exception ex) =>
        ex is Fido2VerificationException or CborContentException or FormatException or CryptographicException
            or ArgumentException or InvalidOperationException or OverflowException or IndexOutOfRangeException;
}
