using System.Text.Json.Nodes;
using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Sessions;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// What e-mail and phone sign-up share: the input checks, the new local user, and the save. Callers
/// normalise the identifier, refuse one already taken, and say which confirmation message is due.
/// </summary>
public sealed class LocalSignUp(LocalAccounts accounts, SessionService sessions, TokenMessages messages, EnumerationDecoys decoys, TimeProvider time)
{
    /// <summary>The identifier's problems (its normaliser's error), then the password policy's and the profile's, as one validation_error.</summary>
    public AuthError? CheckInput(AuthError? identifierError, string? password, string? name, JsonObject? userData)
    {
        var problems = new Dictionary<string, string>();
        ValidationFields.Merge(problems, identifierError);
        ValidationFields.Merge(problems, accounts.CheckPolicy(password));
        SignUpInput.CheckProfile(name, userData, problems);
        return problems.Count > 0 ? AuthError.Validation(problems) : null;
    }

    /// <summary>A local user with a hashed password; the caller sets its e-mail address or phone number.</summary>
    public User NewUser(string? name, JsonObject? userData, string password)
    {
        var id = UserId.New(time);
        return new User
        {
            Id = id,
            Provider = User.LocalProvider,
            ProviderUserId = id,
            Name = SignUpInput.TrimName(name),
            UserData = userData?.ToJsonString(),
            PasswordHash = accounts.Hasher.Hash(password),
            SignUpAt = time.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>
    /// Saves <paramref name="user"/>. With a <paramref name="confirmation"/> to send, the user waits unverified
    /// without a session and is saved with that message and its token, or not at all; without one, the user
    /// is signed in at once. A racing sign-up with the same identifier answers <paramref name="taken"/>.
    /// <paramref name="replacing"/> is an unproven account with the same identifier (ADR 0007): it is deleted in the
    /// same transaction, its links, codes and sessions with it, so the new user takes its place as if it never was.
    /// When the recipient is in its send cooldown the user is saved without a message (resend comes later).
    /// </summary>
    public async Task<Result<AuthGrant>> SaveAsync(
        AuthDbContext db, User user, User? replacing, Func<Task<AuthError?>>? confirmation, ClientInfo client,
        Func<AuthError> taken, CancellationToken ct)
    {
        db.Users.Add(user);
        accounts.Activity.Add(db, EventTypes.SignUp, user.Id,
            new EventDetail { Channel = user.Email is null ? Messaging.OutboxChannel.Sms : Messaging.OutboxChannel.Email }, client);
        var grant = confirmation is null ? sessions.Open(db, user, client, Mfa.Amr.Password) : new AuthGrant(user, null, null);
        try
        {
            var failed = await messages.CommitAsync(db, async () =>
            {
                // The same conditions as when it was chosen, in the DELETE itself: a confirmation that won the race keeps it.
                if (replacing is not null && await db.Users
                        .Where(u => u.Id == replacing.Id && !u.CreatedByOperator && !u.EmailVerified && !u.PhoneVerified && !u.Disabled)
                        .ExecuteDeleteAsync(ct) == 0)
                    return taken();
                if (confirmation is null) return null;
                // In its cooldown the message is not queued (its limits refused it before adding anything): the account
                // is saved and the owner asks for another link later. Any other limit refuses the sign-up.
                var refused = await confirmation();
                return refused is not null && SendLimits.IsCooldown(refused) ? null : refused;
            }, ct);
            if (failed is not null) return failed;
        }
        catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex))
        {
            return taken();
        }

        return grant;
    }

    /// <summary>
    /// A sign-up whose identifier belongs to an account that may not be replaced. Without enumeration protection, or
    /// when sign-up signs in at once (a session can't be faked), <paramref name="taken"/>. With it, the answer of a new
    /// unverified sign-up for <paramref name="stranger"/> (never saved), after the same writes, and the owner gets
    /// <paramref name="notice"/> (if any) unless the owner's address is in its send cooldown.
    /// </summary>
    public async Task<Result<AuthGrant>> AnswerTakenAsync(
        AuthDbContext db, User stranger, bool confirm, string messageType, Func<Task<AuthError?>>? notice, SendProbe probe,
        Func<AuthError> taken, CancellationToken ct)
    {
        if (!confirm || !messages.Settings.Security.EnumerationProtection) return taken();
        // A notice refused by its cooldown is replaced by a decoy, like no notice at all.
        await decoys.DecoySignUpAsync(db, stranger, messageType, notice, probe, ct);
        return new AuthGrant(stranger, null, null);
    }
}
