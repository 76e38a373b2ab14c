using Auth.Core.Errors;

namespace Auth.Core.Passkeys;

/// <summary>The passkey refusals, worded in one place.</summary>
public static class PasskeyErrors
{
    public static AuthError Disabled() => new(AuthErrors.PasskeysDisabled, "Passkeys are disabled.");

    public static AuthError InvalidChallenge() =>
        new(AuthErrors.InvalidPasskeyChallenge, "The passkey request expired or was already used; start again.");

    public static AuthError Invalid() => new(AuthErrors.InvalidPasskey, "The passkey could not be verified.");

    public static AuthError CounterRegressed() =>
        new(AuthErrors.PasskeyCounterRegressed, "The authenticator's signature counter went backwards; the passkey may have been cloned.");

    public static AuthError NotFound() => new(AuthErrors.PasskeyNotFound, "No such passkey.");

    public static AuthError AlreadyRegistered() => new(AuthErrors.PasskeyAlreadyRegistered, "This passkey is already registered.");

    public static AuthError MissingCredential() => AuthError.Validation("credential", "The credential is required.");
}
