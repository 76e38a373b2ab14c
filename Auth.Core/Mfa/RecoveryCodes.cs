using System.Security.Cryptography;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Mfa;

/// <summary>
/// Ten single-use codes shown once at confirmation. 50 random bits each, stored as SHA-256: guessing one goes through
/// the account lockout like a TOTP code, so the search space needs no slow hash.
/// </summary>
public sealed class RecoveryCodes(TimeProvider time)
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
    private const int Length = 10;

    /// <summary>Replaces every recovery code of <paramref name="userId"/> with fresh ones; the caller saves.</summary>
    public async Task<IReadOnlyList<string>> ReplaceAsync(AuthDbContext db, string userId, CancellationToken ct)
    {
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var codes = NewSet();
        foreach (var code in codes)
            db.RecoveryCodes.Add(new RecoveryCode { Id = TokenHashing.RandomHex(16), UserId = userId, CodeHash = Hash(code), CreatedAt = now });
        return codes;
    }

    /// <summary>A fresh set of <see cref="Count"/> codes, for a table of codes other than users' (operators'); store <see cref="Hash"/> only.</summary>
    public static IReadOnlyList<string> NewSet() => Enumerable.Range(0, Count).Select(_ => NewCode()).ToList();

    /// <summary>Spends <paramref name="code"/> in one conditional UPDATE, so two requests racing with it cannot both win.</summary>
    public async Task<AuthError?> UseAsync(AuthDbContext db, string userId, string code, CancellationToken ct)
    {
        var hash = Hash(code);
        var now = time.GetUtcNow().UtcDateTime;
        var used = await db.RecoveryCodes
            .Where(c => c.UserId == userId && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), CancellationToken.None);
        return used == 1 ? null : MfaErrors.InvalidCode();
    }

    public static string Hash(string code) => TokenHashing.Hash(Normalize(code));

    // Typed back from paper: case, dashes and spaces don't matter.
    private static string Normalize(string code) =>
        new(code.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant).ToArray());

    private static string NewCode()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }
}
