using System.Text.Json.Serialization;

namespace Auth.Core.Settings;

/// <summary>
/// The message templates, one fixed property per <see cref="MessageType"/>.
/// Each property is populated in place when read from JSON, so a template given only a subject
/// keeps its own type's default body rather than an empty one.
/// </summary>
public sealed class MessagesSettings
{
    [JsonPropertyName(MessageType.ConfirmEmail)]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public MessageTemplate ConfirmEmail { get; set; } = MessageDefaults.For(MessageType.ConfirmEmail);

    [JsonPropertyName(MessageType.MagicLink)]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public MessageTemplate MagicLink { get; set; } = MessageDefaults.For(MessageType.MagicLink);

    [JsonPropertyName(MessageType.ResetPassword)]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public MessageTemplate ResetPassword { get; set; } = MessageDefaults.For(MessageType.ResetPassword);

    [JsonPropertyName(MessageType.ConfirmEmailChange)]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public MessageTemplate ConfirmEmailChange { get; set; } = MessageDefaults.For(MessageType.ConfirmEmailChange);

    [JsonPropertyName(MessageType.AccountExists)]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public MessageTemplate AccountExists { get; set; } = MessageDefaults.For(MessageType.AccountExists);

    [JsonPropertyName(MessageType.VerifySmsCode)]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public MessageTemplate VerifySmsCode { get; set; } = MessageDefaults.For(MessageType.VerifySmsCode);

    [JsonPropertyName(MessageType.SigninSmsCode)]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public MessageTemplate SigninSmsCode { get; set; } = MessageDefaults.For(MessageType.SigninSmsCode);

    /// <summary>Every template with its key, in <see cref="MessageType.All"/> order.</summary>
    [JsonIgnore]
    public IEnumerable<KeyValuePair<string, MessageTemplate>> All =>
        MessageType.All.Select(key => KeyValuePair.Create(key, Get(key)));

    /// <summary>The template for <paramref name="key"/>; throws for an unknown key (a programming error).</summary>
    public MessageTemplate Get(string key) => key switch
    {
        MessageType.ConfirmEmail => ConfirmEmail,
        MessageType.MagicLink => MagicLink,
        MessageType.ResetPassword => ResetPassword,
        MessageType.ConfirmEmailChange => ConfirmEmailChange,
        MessageType.AccountExists => AccountExists,
        MessageType.VerifySmsCode => VerifySmsCode,
        MessageType.SigninSmsCode => SigninSmsCode,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown message type."),
    };
}
