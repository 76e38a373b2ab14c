namespace Auth.Core.Settings;

/// <summary>
/// The outgoing mail server. With no <see cref="Host"/> messages stay in the outbox,
/// which the studio shows as a development mailbox.
/// </summary>
public sealed class SmtpSettings
{
    public const int PortMin = 1;
    public const int PortMax = 65_535;

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? User { get; set; }

    /// <summary>Secret: encrypted at rest, masked when read back.</summary>
    public string? Password { get; set; }

    public string? FromEmail { get; set; }

    public string? FromName { get; set; }
}

/// <summary>How the SMTP connection is secured; serialised by name.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
