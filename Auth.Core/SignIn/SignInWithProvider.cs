using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// signInWithProvider, after the provider vouched for the user: finds the user by
/// (provider, providerUserId) or creates one, and issues the one-time access token that the app
/// trades for a session with getAuthGrant. An e-mail already held by another account is
/// <c>email_not_unique</c>: accounts are never linked silently, whatever the provider says.
/// </summary>
public sealed class SignInWithProvider(
    IDbContextFactory<AuthDbContext> dbFactory, AccessTokenService accessTokens, TimeProvider time, ActivityRecorder activity)
{
    private const int MaxProviderUserIdLength = 256;
    private const int MaxPictureLength = 2048;

    public async Task<Result<ProviderSignInResult>> ExecuteAsync(OAuthProfile profile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (string.IsNullOrWhiteSpace(profile.ProviderUserId) || profile.ProviderUserId.Length > MaxProviderUserIdLength)
            return new AuthError(AuthErrors.OAuthFailed, "The provider did not identify the user.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await FindAsync(db, profile, ct);
        if (existing is not null) return await SignInAsync(db, existing, profile, ct);

        // An address the provider sent but we can't accept is left out rather than failing the sign-in.
        var email = profile.Email is null ? null : EmailAddress.Normalize(profile.Email) is { IsSuccess: true } ok ? ok.Value : null;
        if (email is not null && await db.Users.AnyAsync(u => u.NormalizedEmail == email.Normalized, ct))
            return EmailTaken();

        var id = UserId.New(time);
        var user = new User
        {
            Id = id,
            Provider = profile.Provider,
            ProviderUserId = profile.ProviderUserId,
            Email = email?.Display,
            NormalizedEmail = email?.Normalized,
            EmailVerified = email is not null && profile.EmailVerified,
            Name = CleanName(profile.Name),
            ProfilePicture = CleanPicture(profile.ProfilePicture),
            SignUpAt = time.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(user);
        // The sign-in event follows when the app trades the access token for a session (getAuthGrant).
        activity.Add(db, EventTypes.SignUp, id, new EventDetail { Provider = profile.Provider, Method = Mfa.Amr.OAuth });
        var token = accessTokens.Issue(db, id, ProviderSignInResult.SignUpAction);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex))
        {
            // Either the same provider account signed up twice at once (then it exists now: sign in),
            // or another account took the address in the meantime.
            await using var retry = await dbFactory.CreateDbContextAsync(ct);
            var raced = await FindAsync(retry, profile, ct);
            return raced is null ? EmailTaken() : await SignInAsync(retry, raced, profile, ct);
        }

        return new ProviderSignInResult(id, token, Created: true);
    }

    private static Task<User?> FindAsync(AuthDbContext db, OAuthProfile profile, CancellationToken ct) =>
        db.Users.SingleOrDefaultAsync(u => u.Provider == profile.Provider && u.ProviderUserId == profile.ProviderUserId, ct);

    private async Task<Result<ProviderSignInResult>> SignInAsync(AuthDbContext db, User user, OAuthProfile profile, CancellationToken ct)
    {
        if (user.Disabled) return SignInErrors.AccountDisabled();

        // Keep what the provider no longer sends (Apple sends the name only on the first sign-in).
        if (CleanName(profile.Name) is { } name) user.Name = name;
        if (CleanPicture(profile.ProfilePicture) is { } picture) user.ProfilePicture = picture;
        if (profile.EmailVerified && user.NormalizedEmail is not null && profile.Email is not null
            && EmailAddress.Normalize(profile.Email) is { IsSuccess: true } email && email.Value.Normalized == user.NormalizedEmail)
            user.EmailVerified = true;

        var token = accessTokens.Issue(db, user.Id, ProviderSignInResult.SignInAction);
        await db.SaveChangesAsync(ct);
        return new ProviderSignInResult(user.Id, token, Created: false);
    }

    private static AuthError EmailTaken() =>
        new(AuthErrors.EmailNotUnique, "A user with this e-mail address already exists; sign in the way that account was created.");

    private static string? CleanName(string? name)
    {
        var trimmed = SignUpInput.TrimName(name);
        return trimmed is { Length: > SignUpInput.MaxNameLength } ? trimmed[..SignUpInput.MaxNameLength] : trimmed;
    }

    // Only absolute http(s) URLs: the app will likely put this in an <img src>.
    private static string? CleanPicture(string? url) =>
        url is { Length: > 0 and <= MaxPictureLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;
}
