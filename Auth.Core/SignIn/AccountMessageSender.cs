using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.SignIn;

/// <summary>
/// The steps every flow that sends an account the link or code it asked for shares (resend, magic link,
/// reset; the SMS codes): the request's input rules, then the refusals in this order: no account, the
/// flow's own rule, a disabled account, then the send limits (cooldown, SMS number policy and caps, taken
/// atomically while the message is queued). Each refusal goes through
/// <see cref="EnumerationDecoys.RefuseAsync"/>, so enumeration protection answers them all alike. Then the
/// token and its message are committed together.
/// </summary>
public sealed class AccountMessageSender(IDbContextFactory<AuthDbContext> dbFactory, TokenMessages messages, EnumerationDecoys decoys)
{
    public AuthSettings Settings => messages.Settings;

    /// <summary>An e-mailed link to the account of <c>{email, redirectURL}</c>; <paramref name="refusal"/> is the flow's own rule.</summary>
    public async Task<Result<Unit>> SendLinkAsync(AuthSettings settings, string? email, string? redirectUrl,
        string purpose, string messageType, Func<User, AuthError?> refusal, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await EmailLinkInput.ResolveAsync(db, settings, email, redirectUrl, ct);
        if (!target.IsSuccess) return target.Error;
        var (user, redirect) = target.Value;
        return await SendAsync(db, user, new SendProbe(OutboxChannel.Email, purpose, email?.Trim() ?? ""), messageType, refusal, u => u.Email!,
            u => messages.QueueLinkAsync(db, u, purpose, messageType, u.Email!, redirect, ct), ct);
    }

    /// <summary>A texted code to the account of <paramref name="phone"/>; <paramref name="refusal"/> is the flow's own rule.</summary>
    public async Task<Result<Unit>> SendCodeAsync(AuthSettings settings, string? phone,
        string purpose, string actionType, string messageType, Func<User, AuthError?> refusal, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resolved = await PhoneCodeInput.ResolveAsync(db, settings, phone, ct);
        if (!resolved.IsSuccess) return resolved.Error;
        var (number, user) = resolved.Value;
        return await SendAsync(db, user, new SendProbe(OutboxChannel.Sms, purpose, number), messageType, refusal, _ => number,
            u => messages.QueueCodeAsync(db, u, purpose, actionType, messageType, number, ct), ct);
    }

    // A refusal before the send names the recipient, so a quiet answer takes the same send limits a real send would (ADR 0007).
    private async Task<Result<Unit>> SendAsync(AuthDbContext db, User? user, SendProbe requested, string messageType,
        Func<User, AuthError?> refusal, Func<User, string> recipient, Func<User, Task<AuthError?>> queue, CancellationToken ct)
    {
        if (user is null) return await decoys.RefuseAsync(db, TokenMessages.UserNotFound(), messageType, ct, requested);
        var probe = requested with { To = recipient(user) };
        if (refusal(user) is { } refused) return await decoys.RefuseAsync(db, refused, messageType, ct, probe);
        if (user.Disabled) return await decoys.RefuseAsync(db, SignInErrors.AccountDisabled(), messageType, ct, probe);

        var failed = await messages.CommitAsync(db, () => queue(user), ct);
        if (failed is null) return Unit.Value;
        return EnumerationDecoys.IsSendLimit(failed) ? await decoys.RefuseAsync(db, failed, messageType, ct) : failed;
    }
}
