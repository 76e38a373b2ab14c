using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>A send that would have gone to <see cref="To"/> had the account allowed it (see <see cref="EnumerationDecoys.RefuseAsync"/>).</summary>
public sealed record SendProbe(string Channel, string Purpose, string To);

/// <summary>
/// What enumeration protection answers instead of a refusal that would reveal an account (ADR 0007): the same
/// success, after the same work a real send or sign-up does (render a message, take the send limits, write and
/// commit), with the writes undone inside the transaction.
/// </summary>
public sealed class EnumerationDecoys(
    OutboxWriter outbox,
    SendLimits limits,
    MessageComposer composer,
    ISettingsReader settingsReader,
    IAuthUrls urls,
    TimeProvider time,
    Activity.ActivityRecorder activity)
{
    private AuthSettings Settings => settingsReader.Current.Settings;

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
            if (OutstandingTokens.IsReset(probe.Purpose)) await OutstandingTokens.VoidResetsAsync(db, "", now, ct);
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
        outbox.Committed(); // a real send wakes the dispatcher too; the wake-up finds nothing due
        return Unit.Value;
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
            // A real sign-up adds its event to the same batch; this one is kept, and says what really happened.
            activity.Add(db, Activity.EventTypes.SignUpRefused, null, new Activity.EventDetail { Channel = probe.Channel });
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
        outbox.Committed();
    }

    /// <summary>
    /// An error, or with enumeration protection on, the same quiet success an unknown account gets. A refusal made
    /// before a real send to <paramref name="probe"/> would have happened takes that send's limits too.
    /// </summary>
    public async Task<Result<Unit>> RefuseAsync(AuthDbContext db, AuthError error, string messageType, CancellationToken ct, SendProbe? probe = null) =>
        Settings.Security.EnumerationProtection ? await QuietlyAsync(db, messageType, ct, probe) : error;
}
