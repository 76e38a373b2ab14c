using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Serialization;

namespace Auth.Core.Passkeys;

/// <summary>Reads the <c>credential</c> a browser sent (PublicKeyCredential JSON, binary fields base64url) into Fido2's models.</summary>
public static class PasskeyCredentials
{
    public static AuthenticatorAttestationRawResponse? Attestation(JsonElement? credential) =>
        Read(credential, static e => e.Deserialize<AuthenticatorAttestationRawResponse>(),
            static r => r.RawId is { Length: > 0 } && r.Response?.ClientDataJson is { Length: > 0 } && r.Response.AttestationObject is { Length: > 0 });

    public static AuthenticatorAssertionRawResponse? Assertion(JsonElement? credential) =>
        Read(credential, static e => e.Deserialize(FidoModelSerializerContext.Default.AuthenticatorAssertionRawResponse),
            static r => r.RawId is { Length: > 0 } && r.Response?.ClientDataJson is { Length: > 0 } && r.Response.AuthenticatorData is { Length: > 0 });

    private static T? Read<T>(JsonElement? credential, Func<JsonElement, T?> read, Func<T, bool> complete) where T : class
    {
        if (credential is not { ValueKind: JsonValueKind.Object } element) return null;
        try
        {
            return read(element) is { } value && complete(value) ? value : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
