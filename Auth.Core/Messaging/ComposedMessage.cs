using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>A rendered message ready for the outbox. E-mail: <see cref="Body"/> is HTML and <see cref="Text"/> its plain part.</summary>
public sealed record ComposedMessage(
    MessageChannel Channel,
    string Type,
    string To,
    string? Subject,
    string Body,
    string? Text,
    string? FromEmail,
    string? FromName);
