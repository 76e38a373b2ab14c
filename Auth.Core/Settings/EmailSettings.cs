namespace Auth.Core.Settings;

/// <summary>E-mail sign-up/sign-in and the links sent by e-mail.</summary>
public sealed class EmailSettings
{
    public const int LinkExpiresInMin = 60;
    public const int LinkExpiresInMax = 604_800;

    public bool Enabled { get; set; } = true;

    /// <summary>On by default, as the seed documents: sign-in waits for the confirmation link.</summary>
    public bool ConfirmEmail { get; set; } = true;

    /// <summary>Seconds an e-mailed link (confirm, magic, reset, change) stays valid.</summary>
    public int LinkExpiresIn { get; set; } = 3600;
}
