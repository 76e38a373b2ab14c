using System.Text.Json;
using Auth.Core.Passkeys;

namespace Auth.Runtime.Contracts;

// Every field is nullable: a missing field is the flow's validation_error, not a binder failure.

/// <summary>The PublicKeyCredential from <c>navigator.credentials.create()</c>, binary fields base64url, and a label.</summary>
public sealed record PasskeyRegisterRequest(JsonElement? Credential, string? Name);

public sealed record PasskeySignInOptionsRequest(string? Email);

/// <summary>The PublicKeyCredential from <c>navigator.credentials.get()</c>, binary fields base64url.</summary>
public sealed record PasskeySignInRequest(JsonElement? Credential);

public sealed record PasskeyResponse(
    string Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt, Guid Aaguid, IReadOnlyList<string> Transports,
    bool BackupEligible, bool BackedUp, int CounterRegressions, DateTime? CounterRegressedAt)
{
    public static PasskeyResponse From(PasskeyInfo p) => new(
        p.Id, p.Name, p.CreatedAt, p.LastUsedAt, p.Aaguid, p.Transports, p.BackupEligible, p.BackedUp, p.CounterRegressions, p.CounterRegressedAt);
}
