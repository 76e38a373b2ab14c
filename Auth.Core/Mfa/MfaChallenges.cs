using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Tokens;

namespace Auth.Core.Mfa;

/// <summary>
/// The hand-off between a passed first factor and the code: a 256-bit <c>mfaToken</c>, kept only as its hash,
/// for five minutes, bound to the user and to how the first factor was proven.
/// </summary>
public sealed class MfaChallenges(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When <paramref name="user"/> has a confirmed factor, adds a challenge to <paramref name="db"/> (the caller saves)
    /// and returns the <c>mfa_required</c> error that carries its token; null when no second step is needed.
    /// </summary>
    public async Task<AuthError?> RequireAsync(AuthDbContext db, User user, string firstFactor, CancellationToken ct)
    {
        var types = await TotpFactors.ConfirmedTypesAsync(db, user.Id, ct);
        if (types.Count == 0) return null;
        var token = Issue(db, user.Id, firstFactor);
        return MfaErrors.Required(token, types);
    }

    /// <summary>Adds a challenge to <paramref name="db"/> (the caller saves) and returns the token the client keeps.</summary>
    public string Issue(AuthDbContext db, string userId, string firstFactor)
    {
        var token = "mfa-" + TokenHashing.RandomHex(32);
        var now = time.GetUtcNow().UtcDateTime;
        db.MfaChallenges.Add(new MfaChallenge
        {
            Id = TokenHashing.RandomHex(16),
            UserId = userId,
            TokenHash = TokenHashing.Hash(token),
            FirstFactor = firstFactor,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        return token;
    }
}
