using Auth.Core.Sessions;

namespace Auth.Core.Tests.Sessions;

/// <summary>Test double for the database-backed key store; supports rotation.</summary>
internal sealed class InMemorySigningKeyStore : ISigningKeyStore
{
    private readonly List<SigningKeyMaterial> _validation;

    public InMemorySigningKeyStore(SigningKeyMaterial? current = null)
    {
        Current = current ?? SigningKeyMaterial.Generate();
        _validation = [Current];
    }

    public SigningKeyMaterial Current { get; private set; }

    public IReadOnlyList<SigningKeyMaterial> ValidationKeys => _validation.ToArray();

    /// <summary>New current key; the old one stays valid for verification.</summary>
    public SigningKeyMaterial Rotate()
    {
        Current = SigningKeyMaterial.Generate();
        _validation.Insert(0, Current);
        return Current;
    }

    public void Retire(SigningKeyMaterial key) => _validation.Remove(key);
}
