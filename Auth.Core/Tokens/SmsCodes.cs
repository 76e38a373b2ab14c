using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Tokens;

/// <summary>
/// Six-digit SMS codes from a CSPRNG. A code has only 20 bits, so it is hashed with its row's id (no two rows
/// collide on the unique hash index, and a table of all million hashes is useless); single use, expiring,
/// at most <c>security.otpMaxAttempts</c> wrong tries, and a new code voids the older ones of its purpose.
/// </summary>
public sealed class SmsCodes(ISettingsReader settings, TimeProvider time)
{
    public const int Length = 6;

    public static string NewCode() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Voids older codes for the target and purpose, adds the new row; the caller saves inside its transaction.</summary>
    public async Task<string> IssueAsync(
        AuthDbContext db, string purpose, string userId, string target, string? data, TimeSpan ttl, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.OneTimeTokens
            .Where(t => t.Purpose == purpose && t.Target == target && t.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);

        var code = NewCode();
        var id = TokenHashing.RandomHex(16);
        db.OneTimeTokens.Add(new OneTimeToken
        {
            Id = id,
            Purpose = purpose,
            TokenHash = HashCode(id, code),
            UserId = userId,
            Target = target,
            Data = data,
            CreatedAt = now,
            ExpiresAt = now + ttl,
        });
        return code;
    }

    /// <summary>
    /// Burns the newest live code of <paramref name="purposes"/> for <paramref name="target"/> when
    /// <paramref name="code"/> matches. Each wrong try is counted by one atomic UPDATE; the last allowed
    /// one burns the code. Of many concurrent right answers exactly one wins.
    /// </summary>
    public async Task<Result<OneTimeToken>> RedeemAsync(
        AuthDbContext db, IReadOnlyCollection<string> purposes, string target, string? code, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var max = settings.Current.Settings.Security.OtpMaxAttempts;
        var row = await db.OneTimeTokens.AsNoTracking()
            .Where(t => purposes.Contains(t.Purpose) && t.Target == target && t.ConsumedAt == null && t.ExpiresAt > now)
            .OrderByDescending(t => t.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (row is null) return InvalidCode();
        if (row.Attempts >= max) return TooManyAttempts();

        var candidate = (code ?? "").Trim();
        var matches = candidate.Length == Length && candidate.All(char.IsAsciiDigit)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashCode(row.Id, candidate)), Encoding.ASCII.GetBytes(row.TokenHash));
        if (!matches)
        {
            await db.OneTimeTokens
                .Where(t => t.Id == row.Id && t.Attempts < max && t.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Attempts, t => t.Attempts + 1), ct);
            var attempts = await db.OneTimeTokens.Where(t => t.Id == row.Id).Select(t => t.Attempts).SingleAsync(ct);
            return attempts >= max ? TooManyAttempts() : InvalidCode();
        }

        var burned = await db.OneTimeTokens
            .Where(t => t.Id == row.Id && t.ConsumedAt == null && t.Attempts < max && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);
        return burned == 1 ? row : InvalidCode();
    }

    internal static string HashCode(string rowId, string code) => TokenHashing.Hash(rowId + ":" + code);

    /// <summary>Also what a flow answers when a redeemed code does not fit the account, so the two cannot be told apart.</summary>
    internal static AuthError InvalidCode() => new(AuthErrors.InvalidCode, "The code is invalid, expired or already used.");

    private static AuthError TooManyAttempts() =>
        new(AuthErrors.TooManyAttempts, "Too many wrong codes; request a new code.");
}
