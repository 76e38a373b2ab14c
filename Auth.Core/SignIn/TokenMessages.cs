using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>A send that would have gone to <see cref="To"/> had the account allowed it (see <see cref="TokenMessages.RefuseAsync"/>).</summary>
public sealed record SendProbe(string Channel, string Purpose, string To);

/// <summary>
/// The sending half shared by every flow that e-mails a link or texts a code: issue the token, render
/// its message, and save both in one transaction.
/// </summary>
public sealed class TokenMessages(
    LinkTokens links,
    SmsCodes codes,
    OutgoingMessages outgoing,
    SendLimits limits,
    MessageComposer composer,
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
        var model = outgoing.LinkModel(user, action, urls.VerifyLink(key, action), redirectUrl, toEmail, ttl);
        var added = await outgoing.AddAsync(db, messageType, toEmail, model, user.Id, ct);
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
        var added = await outgoing.AddAsync(db, messageType, phone, outgoing.CodeModel(user, actionType, code, phone, ttl), user.Id, ct);
        return added.IsSuccess ? null : added.Error;
    }

    /// <summary>
    /// Only the newest reset works: a new reset request voids every older reset link, code and reset access
    /// token of the account, whichever channel they went out on (the issue step voids only its own purpose).
    /// </summary>
    private Task VoidOlderResetsAsync(AuthDbContext db, User user, string purpose, CancellationToken ct) =>
        VoidOlderResetsAsync(db, user.Id, purpose, ct);

    private async Task VoidOlderResetsAsync(AuthDbContext db, string userId, string purpose, CancellationToken ct)
    {
        if (OutstandingTokens.IsReset(purpose))
            await OutstandingTokens.VoidResetsAsync(db, userId, time.GetUtcNow().UtcDateTime, ct);
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
        outgoing.Committed();
        return null;
    }

    /// <summary>The refusals of <see cref="SendLimits"/>, which enumeration protection must hide like the others.</summary>
    public static bool IsSendLimit(AuthError error) =>
        error.Code is AuthErrors.RateLimitExceeded or AuthErrors.PhoneNumberNotAllowed;

    /// <summary>
    /// The answer enumeration protection gives instead of an error that would reveal the account: success,
    /// after the work a real send does (render the message, a write transaction), so both take about as long.
    /// </summary>
    public async Task<Result<Unit>> QuietlyAsync(AuthDbContext db, string messageType, CancellationToken ct, SendProbe? probe = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var model = MessageSamples.For(messageType, settingsReader.Current.Settings, urls, now);
        var composed = await composer.ComposeAsync(messageType, "nobody", model, ct);

        // The same writes as a real send (a token and a message row, committed), undone inside the transaction:
        // a commit that writes nothing would answer many times faster and give the account away.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (probe is not null)
        {
            // What a real send to this recipient does first: take its send limits (a refusal is hidden all the same)
            // and, for a reset, void older resets (of nobody here).
            await limits.TakeAsync(db, probe.Channel, probe.Purpose, probe.To, ct);
            await VoidOlderResetsAsync(db, "", probe.Purpose, ct);
        }
        var id = TokenHashing.RandomHex(16);
        await db.OneTimeTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);
        db.OneTimeTokens.Add(new OneTimeToken
        {
            Id = id, Purpose = "decoy", TokenHash = TokenHashing.Hash(TokenHashing.RandomHex(20)), CreatedAt = now, ExpiresAt = now, ConsumedAt = now,
        });
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = id, Channel = OutboxChannel.Email, Type = messageType, To = "decoy", Body = composed.IsSuccess ? composed.Value.Body : "",
            Status = OutboxStatus.Captured, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await db.OneTimeTokens.Where(t => t.Id == id).ExecuteDeleteAsync(ct);
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        outgoing.Committed(); // a real send wakes the dispatcher too; the wake-up finds nothing due
        return Unit.Value;
    }

    /// <summary>
    /// Adds the notice that someone tried to sign up with <paramref name="owner"/>'s address (account_exists), with
    /// the sign-up's redirect URL as its link; inside <see cref="CommitAsync"/> or a transaction of the caller's.
    /// </summary>
    public async Task<AuthError?> QueueAccountExistsAsync(AuthDbContext db, User owner, string redirectUrl, CancellationToken ct)
    {
        if (await limits.TakeAsync(db, OutboxChannel.Email, MessageType.AccountExists, owner.Email!, ct) is { } limited) return limited;
        var ttl = TimeSpan.FromSeconds(Settings.Email.LinkExpiresIn);
        var model = outgoing.LinkModel(owner, ActionTypes.AccountExists, redirectUrl, redirectUrl, owner.Email!, ttl);
        var added = await outgoing.AddAsync(db, MessageType.AccountExists, owner.Email!, model, owner.Id, ct);
        return added.IsSuccess ? null : added.Error;
    }

    /// <summary>
    /// A sign-up with an identifier that is taken, under enumeration protection: the writes of a new sign-up (a
    /// user, its token, a message) with the user and token undone in the same transaction. The message is
    /// <paramref name="notice"/> when one is due (the owner's account_exists mail), otherwise a decoy undone too.
    /// </summary>
    public async Task DecoySignUpAsync(
        AuthDbContext db, User stranger, string messageType, Func<Task<AuthError?>>? notice, SendProbe probe, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The answer shows the stranger as a new user; the row written is a copy without the taken identifier.
        var decoy = new User
        {
            Id = stranger.Id, Provider = stranger.Provider, ProviderUserId = stranger.ProviderUserId, Name = stranger.Name,
            UserData = stranger.UserData, PasswordHash = stranger.PasswordHash, SignUpAt = stranger.SignUpAt,
        };
        var id = TokenHashing.RandomHex(16);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // A real sign-up's confirmation takes its send limits first: the notice does, or the same take for the probe.
            var noticeFailed = true;
            if (notice is not null) noticeFailed = await notice() is not null;
            else await limits.TakeAsync(db, probe.Channel, probe.Purpose, probe.To, ct);
            await db.OneTimeTokens.Where(t => t.UserId == decoy.Id && t.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);
            db.Users.Add(decoy);
            db.OneTimeTokens.Add(new OneTimeToken
            {
                Id = id, Purpose = "decoy", TokenHash = TokenHashing.Hash(TokenHashing.RandomHex(20)), UserId = decoy.Id,
                CreatedAt = now, ExpiresAt = now, ConsumedAt = now,
            });
            if (noticeFailed)
            {
                var model = MessageSamples.For(messageType, Settings, urls, now);
                var composed = await composer.ComposeAsync(messageType, "nobody", model, ct);
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Id = id, Channel = MessageType.IsSms(messageType) ? OutboxChannel.Sms : OutboxChannel.Email, Type = messageType, To = "decoy",
                    Body = composed.IsSuccess ? composed.Value.Body : "", Status = OutboxStatus.Captured, CreatedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
            await db.Users.Where(u => u.Id == decoy.Id).ExecuteDeleteAsync(ct); // its token goes with it (cascade)
            if (noticeFailed) await db.OutboxMessages.Where(m => m.Id == id).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        outgoing.Committed();
    }

    /// <summary>
    /// An error, or with enumeration protection on, the same quiet success an unknown account gets. A refusal made
    /// before a real send to <paramref name="probe"/> would have happened takes that send's limits too.
    /// </summary>
    public async Task<Result<Unit>> RefuseAsync(AuthDbContext db, AuthError error, string messageType, CancellationToken ct, SendProbe? probe = null) =>
        Settings.Security.EnumerationProtection ? await QuietlyAsync(db, messageType, ct, probe) : error;

    public static AuthError UserNotFound() => new(AuthErrors.UserNotFound, "No user has this identifier.");
}
