using System.Text.Json.Nodes;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Sessions;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// What e-mail and phone sign-up share: the input checks, the new local user, and the save. Callers
/// normalise the identifier, refuse one already taken, and say which confirmation message is due.
/// </summary>
public sealed class LocalSignUp(LocalAccounts accounts, SessionService sessions, TokenMessages messages, TimeProvider time)
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
    /// </summary>
    public async Task<Result<AuthGrant>> SaveAsync(
        AuthDbContext db, User user, Func<Task<AuthError?>>? confirmation, ClientInfo client, Func<AuthError> taken, CancellationToken ct)
    {
        db.Users.Add(user);
        var grant = confirmation is null ? sessions.Open(db, user, client) : new AuthGrant(user, null, null);
        try
        {
            var failed = await messages.CommitAsync(db, confirmation ?? (() => Task.FromResult<AuthError?>(null)), ct);
            if (failed is not null) return failed;
        }
        catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex))
        {
            return taken();
        }

        return grant;
    }
}
