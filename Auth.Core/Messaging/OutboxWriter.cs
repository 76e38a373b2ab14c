using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>
/// Adds outbox rows: renders the template (<see cref="MessageComposer"/>) and adds the row to the caller's
/// context, so it is saved in the same SaveChanges as the token it carries; wakes the dispatcher after the commit.
/// </summary>
public sealed class OutboxWriter(MessageComposer composer, ISettingsReader settingsReader, OutboxSignal signal, TimeProvider time)
{
    /// <summary>Renders <paramref name="type"/> for <paramref name="to"/> and adds the outbox row; the caller saves.</summary>
    public async Task<Result<OutboxMessage>> AddAsync(
        AuthDbContext db, string type, string to, MessageModel model, string? userId, CancellationToken ct)
    {
        var composed = await composer.ComposeAsync(type, to, model, ct);
        if (!composed.IsSuccess) return composed.Error;
        return Add(db, composed.Value, userId);
    }

    /// <summary>
    /// Adds the outbox row of an already composed message; the caller saves. It is captured rather than
    /// pending when the published settings have no transport for its channel.
    /// </summary>
    public OutboxMessage Add(AuthDbContext db, ComposedMessage message, string? userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        var settings = settingsReader.Current.Settings;
        var channel = message.Channel == MessageChannel.Email ? OutboxChannel.Email : OutboxChannel.Sms;
        var now = time.GetUtcNow().UtcDateTime;
        var row = new OutboxMessage
        {
            Id = OutboxIds.Next(now),
            Channel = channel,
            Type = message.Type,
            To = message.To,
            FromEmail = message.FromEmail,
            FromName = message.FromName,
            Subject = message.Subject,
            Body = message.Body,
            TextBody = message.Text,
            Status = MessageTransports.Has(settings, channel) ? OutboxStatus.Pending : OutboxStatus.Captured,
            CreatedAt = now,
            NextAttemptAt = now,
            UserId = userId,
        };
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>Call after the transaction committed: this node's dispatcher sends at once.</summary>
    public void Committed() => signal.Notify();

    /// <summary>The model of a message that carries a link.</summary>
    public MessageModel LinkModel(User user, string actionType, string confirmationUrl, string? redirectUrl, string email, TimeSpan ttl) =>
        new(MessageUser.From(user),
            new MessageToken(null, confirmationUrl, redirectUrl, email, null, time.GetUtcNow().UtcDateTime + ttl, ttl, actionType),
            settingsReader.Current.Settings.App.Name);

    /// <summary>The model of a message that carries a code.</summary>
    public MessageModel CodeModel(User user, string actionType, string code, string phone, TimeSpan ttl) =>
        new(MessageUser.From(user),
            new MessageToken(code, null, null, null, phone, time.GetUtcNow().UtcDateTime + ttl, ttl, actionType),
            settingsReader.Current.Settings.App.Name);
}
