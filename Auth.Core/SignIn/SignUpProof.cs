using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Sessions;
using Auth.Core.Tokens;

namespace Auth.Core.SignIn;

/// <summary>
/// Pre-account hijacking (ADR 0007). Whoever signs up with an address or number sets the password, but only
/// the link or code sent in answer to that very sign-up proves that the password's author owns it. That
/// link or code carries a fingerprint of the password hash in its Data column; proving the identifier any
/// other way (resend, a later code, a magic link, a reset link) takes the password away and ends the
/// account's sessions, so a squatter's password never outlives the owner's first proof.
/// </summary>
internal static class SignUpProof
{
    private const string Prefix = "signup:";

    /// <summary>What the sign-up's confirmation link or code carries: a fingerprint of the password it set.</summary>
    public static string Mark(User user) => Prefix + TokenHashing.Hash("signup-password:" + (user.PasswordHash ?? ""))[..32];

    /// <summary>True when <paramref name="data"/> is the mark of the sign-up that set <paramref name="user"/>'s current password.</summary>
    public static bool Vouches(string? data, User user) => user.PasswordHash is not null && data == Mark(user);

    /// <summary>
    /// A local account none of whose identifiers was ever proven: whoever set its password proved nothing. An account
    /// an operator created or imported is not one: its password is the operator's (or the old system's), and a stranger's
    /// sign-up must neither replace it nor a later proof clear it.
    /// </summary>
    public static bool IsUnproven(User user) =>
        user.Provider == User.LocalProvider && !user.CreatedByOperator && !user.EmailVerified && !user.PhoneVerified;

    /// <summary>
    /// An unproven, enabled local account that a new sign-up with the same identifier replaces outright
    /// (new id, password, name and app data; its links, codes and sessions go with the old row).
    /// </summary>
    public static bool IsReplaceable(User user) => IsUnproven(user) && !user.Disabled;

    /// <summary>
    /// Called when a token just proved one of <paramref name="user"/>'s identifiers, before the account is marked
    /// verified: unless the token vouches for the current password, the password is cleared (the owner sets one
    /// through a reset) and every session ends. Saved by the caller's SaveChanges; sessions end at once.
    /// </summary>
    public static async Task ClaimAsync(AuthDbContext db, User user, string? tokenData, SessionService sessions, CancellationToken ct)
    {
        if (!IsUnproven(user) || Vouches(tokenData, user)) return;
        user.PasswordHash = null;
        user.FailedSignInCount = 0;
        user.LockoutEndsAt = null;
        await sessions.RevokeAllAsync(db, user.Id, keepSessionId: null, ct);
    }
}
