using Microsoft.AspNetCore.DataProtection;

namespace Auth.Core.Settings;

/// <summary>The one Data-Protection purpose under which settings secrets are encrypted at rest.</summary>
public sealed class SettingsProtector(IDataProtectionProvider provider)
{
    public IDataProtector Protector { get; } = provider.CreateProtector(SettingsSecrets.ProtectorPurpose);
}
