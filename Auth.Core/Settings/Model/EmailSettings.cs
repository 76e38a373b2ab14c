namespace Auth.Core.Settings;

/// <summary>E-mail sign-up/sign-in and the links sent by e-mail.</summary>
public sealed class EmailSettings
{
    public const int LinkExpiresInMin = 60;
    public const int LinkExpiresInMax = 604_800;
    public const int UnverifiedAccountTtlHoursMin = 1;
    public const int UnverifiedAccountTtlHoursMax = 8760;

    public bool Enabled { get; set; } = true;

    /// <summary>On by default, as the Agnost client API documents: sign-in waits for the confirmation link.</summary>
    public bool ConfirmEmail { get; set; } = true;

    /// <summary>Seconds an e-mailed link (confirm, magic, reset, change) stays valid.</summary>
    public int LinkExpiresIn { get; set; } = 3600;

    /// <summary>
    /// Hours after which a local account whose address (or number) was never proven, while its confirmation is
    /// required, is deleted by the sweeper, so a squatter can't hold someone else's identifier (ADR 0007).
    /// </summary>
    public int UnverifiedAccountTtlHours { get; set; } = 72;
}
