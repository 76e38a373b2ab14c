using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// The steps every flow that sends an account the link or code it asked for shares (resend, magic link,
/// reset; the SMS codes): the request's input rules, then the refusals in this order: no account, the
/// flow's own rule, a disabled account, a recipient in cooldown. Each refusal goes through
/// <see cref="TokenMessages.RefuseAsync"/>, so enumeration protection answers them all alike. Then the
/// token and its message are committed together.
/// </summary>
public sealed class AccountMessageSender(IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages)
{
    public AuthSettings Settings => messages.Settings;

    /// <summary>An e-mailed link to the account of <c>{email, redirectURL}</c>; <paramref name="refusal"/> is the flow's own rule.</summary>
    public async Task<Result<Unit>> SendLinkAsync(AuthSettings settings, string? email, string? redirectUrl,
        string purpose, string messageType, Func<User, AuthError?> refusal, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await EmailLinkRequest.ResolveAsync(db, settings, email, redirectUrl, ct);
        if (!target.IsSuccess) return target.Error;
        var (user, redirect) = target.Value;
        return await SendAsync(db, user, email ?? "", messageType, refusal, u => u.Email!,
            u => messages.QueueLinkAsync(db, u, purpose, messageType, u.Email!, redirect, ct), ct);
    }

    /// <summary>A texted code to the account of <paramref name="phone"/>; <paramref name="refusal"/> is the flow's own rule.</summary>
    public async Task<Result<Unit>> SendCodeAsync(AuthSettings settings, string? phone,
        string purpose, string actionType, string messageType, Func<User, AuthError?> refusal, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resolved = await PhoneCodeRequest.ResolveAsync(db, settings, phone, ct);
        if (!resolved.IsSuccess) return resolved.Error;
        var (number, user) = resolved.Value;
        return await SendAsync(db, user, number, messageType, refusal, _ => number,
            u => messages.QueueCodeAsync(db, u, purpose, actionType, messageType, number, ct), ct);
    }

    // A refusal before the cooldown check names the recipient, so a quiet answer makes the same cooldown query (ADR 0008).
    private async Task<Result<Unit>> SendAsync(AuthDbContext db, User? user, string requested, string messageType,
        Func<User, AuthError?> refusal, Func<User, string> recipient, Func<User, Task<AuthError?>> queue, CancellationToken ct)
    {
        if (user is null) return await messages.RefuseAsync(db, TokenMessages.UserNotFound(), messageType, ct, requested);
        if (refusal(user) is { } refused) return await messages.RefuseAsync(db, refused, messageType, ct, recipient(user));
        if (user.Disabled) return await messages.RefuseAsync(db, SignInErrors.AccountDisabled(), messageType, ct, recipient(user));
        if (await messages.CheckCooldownAsync(db, recipient(user), ct) is { } cooldown) return await messages.RefuseAsync(db, cooldown, messageType, ct);

        var failed = await messages.CommitAsync(db, () => queue(user), ct);
        return failed is null ? Unit.Value : failed;
    }
}
