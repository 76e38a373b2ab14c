namespace Auth.Core.Settings;

/// <summary>
/// One message's template. <see cref="Subject"/> and <see cref="Body"/> are Scriban;
/// null <see cref="FromEmail"/>/<see cref="FromName"/> fall back to the SMTP settings.
/// SMS types use only <see cref="Body"/>.
/// </summary>
public sealed class MessageTemplate
{
    /// <summary>RFC 5322's line limit; a longer subject can't be sent as one header line.</summary>
    public const int HeaderMaxLength = 998;

    /// <summary>UTF-8 bytes.</summary>
    public const int BodyMaxBytes = 64 * 1024;

    public string? Subject { get; set; }

    public string? FromEmail { get; set; }

    public string? FromName { get; set; }

    public string Body { get; set; } = "";
}
