using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// What e-mail and phone sign-in share around the account lookup. Callers say which field identifies
/// the user, find the account, and say when it is not verified enough to sign in.
/// </summary>
public sealed class LocalSignIn(
    LocalAccounts accounts, SessionService sessions, ISettingsReader settings, MfaChallenges challenges, ActivityRecorder activity)
{
    /// <summary>Both fields present, and a password under the hard limit (longer ones fail as bad credentials, unhashed).</summary>
    public static AuthError? CheckInput(string identifierField, string? identifier, string identifierRequired, string? password)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(identifier)) problems[identifierField] = identifierRequired;
        if (string.IsNullOrEmpty(password)) problems["password"] = "The password is required.";
        if (problems.Count > 0) return AuthError.Validation(problems);
        return PasswordPolicy.IsOverHardLimit(password!) ? LocalAccounts.InvalidCredentials() : null;
    }

    /// <summary>
    /// The password is checked first (<paramref name="user"/> null = unknown), so a disabled or unverified
    /// account is only ever reported to a caller who proved the password; then a session is opened.
    /// </summary>
    public async Task<Result<AuthGrant>> SignInAsync(
        AuthDbContext db, User? user, string password, Func<User, AuthError?> unverified, ClientInfo client, CancellationToken ct)
    {
        if (await accounts.CheckPasswordAsync(db, user, password, ct) is { } failure)
        {
            await RecordFailureAsync(db, user, failure, client, ct);
            return Hide(user, failure);
        }
        if (user!.Disabled)
        {
            activity.Add(db, EventTypes.SignInFailed, user.Id, new EventDetail { Code = AuthErrors.NotAllowed, Method = Amr.Password }, client);
            await db.SaveChangesAsync(ct);
            return SignInErrors.AccountDisabled();
        }
        if (unverified(user) is { } notVerified)
        {
            activity.Add(db, EventTypes.SignInFailed, user.Id, new EventDetail { Code = notVerified.Code, Method = Amr.Password }, client);
            await db.SaveChangesAsync(ct);
            return notVerified;
        }

        // A second factor turns the session into a challenge; the password's success (counter reset) is kept either way.
        if (await challenges.RequireAsync(db, user, Amr.Password, ct) is { } secondStep)
        {
            await db.SaveChangesAsync(ct);
            return secondStep;
        }

        var grant = sessions.Open(db, user, client, Amr.Password);
        await db.SaveChangesAsync(ct);
        return grant;
    }

    /// <summary>
    /// The failed attempt's event, and the lockout's when this attempt locked the account. An unknown account takes the
    /// same read and the same insert (on no row, with no user), so the event gives nothing away in time or shape.
    /// </summary>
    private async Task RecordFailureAsync(AuthDbContext db, User? user, AuthError failure, ClientInfo client, CancellationToken ct)
    {
        var id = user?.Id ?? "";
        var lockedUntil = await db.Users.Where(u => u.Id == id).Select(u => u.LockoutEndsAt).FirstOrDefaultAsync(CancellationToken.None);
        activity.Add(db, EventTypes.SignInFailed, user?.Id, new EventDetail { Code = failure.Code, Method = Amr.Password }, client);
        if (failure.Code == AuthErrors.InvalidCredentials && lockedUntil > accounts.Now())
            activity.Add(db, EventTypes.LockedOut, user?.Id, new EventDetail { Code = AuthErrors.RateLimitExceeded }, client);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// A local account without a password (ADR 0007) fails like a wrong password. With enumeration protection on, a
    /// lockout and a provider's account fail alike too (an unknown account already does a wrong password's work: PasswordGate).
    /// </summary>
    private AuthError Hide(User? user, AuthError failure)
    {
        if (user is { PasswordHash: null, Provider: User.LocalProvider }) return LocalAccounts.InvalidCredentials();
        if (!settings.Current.Settings.Security.EnumerationProtection) return failure;
        return failure.Code is AuthErrors.RateLimitExceeded or AuthErrors.InvalidProviderSignIn ? LocalAccounts.InvalidCredentials() : failure;
    }
}
