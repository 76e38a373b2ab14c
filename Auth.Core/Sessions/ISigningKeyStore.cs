namespace Auth.Core.Sessions;

/// <summary>The ES256 keys that sign and verify session tokens.</summary>
public interface ISigningKeyStore
{
    /// <summary>The key new tokens are signed with.</summary>
    SigningKeyMaterial Current { get; }

    /// <summary>
    /// Every key a token may still be signed with: <see cref="Current"/> plus retired keys whose tokens have
    /// not expired yet, so a rotation does not sign everyone out. Also what the JWKS endpoint publishes.
    /// </summary>
    IReadOnlyList<SigningKeyMaterial> ValidationKeys { get; }
}
