using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Passkeys;

/// <summary>
/// The challenges of passkey ceremonies: issued with the options they belong to, found again by the challenge the
/// client signed (inside clientDataJSON), spent once by a conditional UPDATE, five minutes at most.
/// </summary>
public sealed class PasskeyChallenges(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Adds the challenge row to <paramref name="db"/> (the caller saves).</summary>
    public void Issue(AuthDbContext db, string purpose, string? userId, byte[] challenge, string optionsJson)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.PasskeyChallenges.Add(new PasskeyChallenge
        {
            Id = TokenHashing.RandomHex(16),
            ChallengeHash = Hash(challenge),
            Purpose = purpose,
            UserId = userId,
            OptionsJson = optionsJson,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
    }

    /// <summary>
    /// Spends the challenge that <paramref name="clientDataJson"/> answers: of two requests racing with one challenge,
    /// exactly one gets it back. Null when unknown, expired, used, or issued for the other ceremony.
    /// </summary>
    public async Task<PasskeyChallenge?> ConsumeAsync(AuthDbContext db, byte[] clientDataJson, string purpose, CancellationToken ct)
    {
        if (ChallengeOf(clientDataJson) is not { } challenge) return null;
        var hash = Hash(challenge);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.PasskeyChallenges.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ChallengeHash == hash && c.Purpose == purpose && c.ConsumedAt == null && c.ExpiresAt > now, ct);
        if (row is null) return null;
        var spent = await db.PasskeyChallenges
            .Where(c => c.Id == row.Id && c.ConsumedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), CancellationToken.None);
        return spent == 1 ? row : null;
    }

    private static string Hash(byte[] challenge) => Convert.ToHexStringLower(SHA256.HashData(challenge));

    private static byte[]? ChallengeOf(byte[] clientDataJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(clientDataJson);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("challenge", out var value) || value.ValueKind != JsonValueKind.String)
                return null;
            return Base64Url.DecodeFromChars(value.GetString());
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return null;
        }
    }
}
