using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;

namespace Auth.Core.SignIn;

/// <summary>
/// The sending half shared by every flow that e-mails a link or texts a code: take the send limits, issue the
/// token, add its message to the outbox (<see cref="OutboxWriter"/>), and save both in one transaction. The
/// answers enumeration protection gives instead of a refusal are <see cref="EnumerationDecoys"/>'.
/// </summary>
public sealed class TokenMessages(
    LinkTokens links,
    SmsCodes codes,
    OutboxWriter outbox,
    SendLimits limits,
    ISettingsReader settingsReader,
    IAuthUrls urls,
    TimeProvider time)
{
    public AuthSettings Settings => settingsReader.Current.Settings;

    /// <summary>
    /// Adds a link token and the e-mail carrying it to <paramref name="db"/> (inside <see cref="CommitAsync"/>),
    /// or <c>rate_limit_exceeded</c> when the recipient is in its cooldown (<see cref="SendLimits"/>).
    /// </summary>
    public async Task<AuthError?> QueueLinkAsync(
        AuthDbContext db, User user, string purpose, string messageType, string toEmail, string redirectUrl, CancellationToken ct, string? data = null)
    {
        if (await limits.TakeAsync(db, OutboxChannel.Email, purpose, toEmail, ct) is { } limited) return limited;
        var ttl = TimeSpan.FromSeconds(Settings.Email.LinkExpiresIn);
        var action = ActionTypes.ForMessage(messageType);
        await VoidOlderResetsAsync(db, user, purpose, ct);
        var key = await links.IssueAsync(db, purpose, user.Id, toEmail, redirectUrl, data, ttl, ct);
        var model = outbox.LinkModel(user, action, urls.VerifyLink(key, action), redirectUrl, toEmail, ttl);
        var added = await outbox.AddAsync(db, messageType, toEmail, model, user.Id, ct);
        return added.IsSuccess ? null : added.Error;
    }

    /// <summary>
    /// Adds a code and the SMS carrying it to <paramref name="db"/> (inside <see cref="CommitAsync"/>), or
    /// <c>phone_number_not_allowed</c> / <c>rate_limit_exceeded</c> from the SMS limits (<see cref="SendLimits"/>).
    /// </summary>
    public async Task<AuthError?> QueueCodeAsync(
        AuthDbContext db, User user, string purpose, string actionType, string messageType, string phone, CancellationToken ct, string? data = null)
    {
        if (await limits.TakeAsync(db, OutboxChannel.Sms, purpose, phone, ct) is { } limited) return limited;
        var ttl = TimeSpan.FromSeconds(Settings.Phone.CodeExpiresIn);
        await VoidOlderResetsAsync(db, user, purpose, ct);
        var code = await codes.IssueAsync(db, purpose, user.Id, phone, data, ttl, ct);
        var added = await outbox.AddAsync(db, messageType, phone, outbox.CodeModel(user, actionType, code, phone, ttl), user.Id, ct);
        return added.IsSuccess ? null : added.Error;
    }

    /// <summary>
    /// Only the newest reset works: a new reset request voids every older reset link, code and reset access
    /// token of the account, whichever channel they went out on (the issue step voids only its own purpose).
    /// </summary>
    private async Task VoidOlderResetsAsync(AuthDbContext db, User user, string purpose, CancellationToken ct)
    {
        if (OutstandingTokens.IsReset(purpose))
            await OutstandingTokens.VoidResetsAsync(db, user.Id, time.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>Runs <paramref name="queue"/> and SaveChanges in one transaction, then wakes the dispatcher.</summary>
    public async Task<AuthError?> CommitAsync(AuthDbContext db, Func<Task<AuthError?>> queue, CancellationToken ct)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (await queue() is { } error) return error; // disposing the transaction rolls the token back
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        outbox.Committed();
        return null;
    }

    /// <summary>
    /// Adds the notice that someone tried to sign up with <paramref name="owner"/>'s address (account_exists), with
    /// the sign-up's redirect URL as its link; inside <see cref="CommitAsync"/> or a transaction of the caller's.
    /// </summary>
    public async Task<AuthError?> QueueAccountExistsAsync(AuthDbContext db, User owner, string redirectUrl, CancellationToken ct)
    {
        if (await limits.TakeAsync(db, OutboxChannel.Email, MessageType.AccountExists, owner.Email!, ct) is { } limited) return limited;
        var ttl = TimeSpan.FromSeconds(Settings.Email.LinkExpiresIn);
        var model = outbox.LinkModel(owner, ActionTypes.AccountExists, redirectUrl, redirectUrl, owner.Email!, ttl);
        var added = await outbox.AddAsync(db, MessageType.AccountExists, owner.Email!, model, owner.Id, ct);
        return added.IsSuccess ? null : added.Error;
    }

    public static AuthError UserNotFound() => new(AuthErrors.UserNotFound, "No user has this identifier.");
}
