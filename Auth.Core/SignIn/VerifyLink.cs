using System.Runtime.CompilerServices;
using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// Where <c>/auth/verify</c> sends the browser. A redirect only ever goes to a URL the allow-list accepts
/// right now; with none to trust, <see cref="RedirectUrl"/> is null and the caller shows a plain error page.
/// </summary>
public sealed record VerifyOutcome(string? RedirectUrl, AuthError? Error);

/// <summary>
/// GET/POST /auth/verify: consumes an e-mailed link (confirm, magic, reset, change-email) and redirects
/// to its redirect URL with a fresh <c>access_token</c>, the action and <c>status=200</c>.
/// </summary>
public sealed class VerifyLink(
    IDbContextFactory<AuthDbContext> dbFactory,
    ISettingsReader settingsReader,
    LinkTokens links,
    AccessTokenService accessTokens,
    SessionService sessions,
    IAuthUrls urls,
    ActivityRecorder activity)
{
    private static readonly Dictionary<string, string> PurposeOfAction = new(StringComparer.Ordinal)
    {
        [ActionTypes.EmailConfirm] = TokenPurposes.ConfirmEmail,
        [ActionTypes.MagicLink] = TokenPurposes.MagicLink,
        [ActionTypes.ResetPassword] = TokenPurposes.ResetPassword,
        [ActionTypes.ChangeEmail] = TokenPurposes.ChangeEmail,
    };

    /// <summary>Checks the link without consuming it (the link-scanner confirm page); null when it would work.</summary>
    public async Task<VerifyOutcome?> PeekAsync(string? key, string? action, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, error) = await FindAsync(db, key, action, ct);
        return error;
    }

    public async Task<VerifyOutcome> ExecuteAsync(string? key, string? action, CancellationToken ct = default)
    {
        var subject = new StrongBox<string?>();
        var outcome = await ConsumeAsync(key, action, subject, ct);
        if (outcome.Error is { } failed && action == ActionTypes.MagicLink)
        {
            // A failed magic-link sign-in is the one write of its request (the consuming transaction rolled back).
            await using var log = await dbFactory.CreateDbContextAsync(ct);
            activity.Add(log, EventTypes.SignInFailed, subject.Value, new EventDetail { Code = failed.Code, Method = Mfa.Amr.Email });
            await log.SaveChangesAsync(ct);
        }
        return outcome;
    }

    private async Task<VerifyOutcome> ConsumeAsync(string? key, string? action, StrongBox<string?> subject, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (token, error) = await FindAsync(db, key, action, ct);
        subject.Value = token?.UserId;
        if (error is not null) return error;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await links.ConsumeAsync(db, token!, ct)) return Fail(token, InvalidLink());

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == token!.UserId, ct);
        if (user is null) return Fail(token, new AuthError(AuthErrors.UserNotFound, "The user of this link no longer exists."));
        if (user.Disabled) return Fail(token, SignInErrors.AccountDisabled());
        // A link that proves the address takes an unproven account's password away unless it is the sign-up's own
        // (ADR 0007); a failure below rolls this back with the rest.
        if (token!.Purpose is TokenPurposes.ConfirmEmail or TokenPurposes.MagicLink or TokenPurposes.ResetPassword
            && SameAddress(token.Target, user.NormalizedEmail))
            await SignUpProof.ClaimAsync(db, user, token.Data, sessions, ct);
        var wasVerified = user.EmailVerified;
        if (Apply(db, token!, user) is { } applyError) return Fail(token, applyError);
        if (user.EmailVerified && (!wasVerified || token.Purpose == TokenPurposes.ChangeEmail))
            activity.Add(db, EventTypes.EmailVerified, user.Id, new EventDetail { Channel = Messaging.OutboxChannel.Email });

        var accessToken = accessTokens.Issue(db, user.Id, action!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (LocalAccounts.IsUniqueViolation(ex))
        {
            return Fail(token, new AuthError(AuthErrors.EmailNotUnique, "Another account already uses this e-mail address."));
        }
        await transaction.CommitAsync(ct);
        return new VerifyOutcome(urls.BackWithAccessToken(Trusted(token)!, accessToken, action!), null);
    }

    private async Task<(OneTimeToken? Token, VerifyOutcome? Error)> FindAsync(AuthDbContext db, string? key, string? action, CancellationToken ct)
    {
        var token = await links.FindAsync(db, key, ct);
        if (token is null || action is null || !PurposeOfAction.TryGetValue(action, out var purpose) || token.Purpose != purpose)
        {
            // A link row of another purpose (e.g. an access token passed as key) is no more trustworthy than none.
            var owned = token is not null && PurposeOfAction.ContainsValue(token.Purpose) ? token : null;
            return (null, Fail(owned, InvalidLink()));
        }
        if (Trusted(token) is null)
        {
            // Never redirect where today's allow-list says no, not even on success: the link stays unused.
            return (null, new VerifyOutcome(null, new AuthError(AuthErrors.InvalidRedirectUrl,
                "The redirect URL of this link is no longer allowed; ask for a new link.")));
        }
        return links.IsLive(token) ? (token, null) : (token, Fail(token, InvalidLink()));
    }

    /// <summary>What the link does to the account, before the access token is issued.</summary>
    private static AuthError? Apply(AuthDbContext db, OneTimeToken token, User user)
    {
        switch (token.Purpose)
        {
            case TokenPurposes.ConfirmEmail:
                // A link sent to an address the account no longer has must not verify the new one.
                if (!SameAddress(token.Target, user.NormalizedEmail)) return InvalidLink();
                user.EmailVerified = true;
                return null;
            case TokenPurposes.ChangeEmail:
                var email = EmailAddress.Normalize(token.Target);
                if (!email.IsSuccess) return InvalidLink();
                user.Email = email.Value.Display;
                user.NormalizedEmail = email.Value.Normalized;
                user.EmailVerified = true;
                return null;
            case TokenPurposes.MagicLink:
                if (!SameAddress(token.Target, user.NormalizedEmail)) return InvalidLink();
                user.EmailVerified = true; // the link reached the address: it is proven
                return null;
            default:
                // reset-pwd: the password changes when the access token is redeemed; the address is proven now.
                if (SameAddress(token.Target, user.NormalizedEmail)) user.EmailVerified = true;
                return null;
        }
    }

    private static bool SameAddress(string? target, string? normalized) =>
        EmailAddress.Normalize(target) is { IsSuccess: true } t && t.Value.Normalized == normalized;

    private VerifyOutcome Fail(OneTimeToken? token, AuthError error)
    {
        var url = Trusted(token);
        return new VerifyOutcome(url is null ? null : urls.BackWithError(url, error), error);
    }

    /// <summary>The link's redirect URL when today's allow-list still accepts it, normalised; otherwise null.</summary>
    private string? Trusted(OneTimeToken? token)
    {
        if (token?.RedirectUrl is not { Length: > 0 } url) return null;
        var match = RedirectUrlMatcher.Match(settingsReader.Current.Settings.RedirectURLs, url);
        return match.IsMatch ? match.NormalizedCandidate : null;
    }

    private static AuthError InvalidLink() =>
        new(AuthErrors.InvalidLink, "This link is invalid, expired or already used; ask for a new one.");
}
