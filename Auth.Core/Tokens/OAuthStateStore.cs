using System.Text.Json;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Tokens;

/// <summary>What an OAuth sign-in must remember between leaving for the provider and coming back.</summary>
public sealed record OAuthPendingSignIn(string Provider, string RedirectUrl, string? CodeVerifier, string? Nonce);

/// <summary>
/// The outcome of consuming a <c>state</c>: the pending sign-in, or an error together with the redirect
/// URL stored with the state when one is known (so the error can go back to the app rather than to a bare page).
/// </summary>
public sealed record OAuthStateConsumption(OAuthPendingSignIn? SignIn, AuthError? Error, string? RedirectUrl);

/// <summary>
/// OAuth <c>state</c> values: 256 random bits handed to the provider, kept as a SHA-256 hash in
/// <c>OneTimeTokens</c>, single use, ten minutes, and bound to the browser that started the sign-in
/// (<c>Target</c> holds the hash of that browser's binding cookie).
/// </summary>
public sealed class OAuthStateStore(IDbContextFactory<AuthDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // Ours are 64 hex characters; anything much longer is not ours and is not worth hashing.
    private const int MaxStateLength = 256;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores a pending sign-in and returns the <c>state</c> to send to the provider.</summary>
    public async Task<string> IssueAsync(OAuthPendingSignIn signIn, string browserBinding, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentException.ThrowIfNullOrWhiteSpace(browserBinding);
        var state = TokenHashing.RandomHex(32);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.OneTimeTokens.Add(new OneTimeToken
        {
            Id = TokenHashing.RandomHex(16),
            Purpose = TokenPurposes.OAuthState,
            TokenHash = TokenHashing.Hash(state),
            Target = TokenHashing.Hash(browserBinding),
            RedirectUrl = signIn.RedirectUrl,
            Data = JsonSerializer.Serialize(new StateData(signIn.Provider, signIn.CodeVerifier, signIn.Nonce), Json),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        await db.SaveChangesAsync(ct);
        return state;
    }

    /// <summary>
    /// Burns the state if it is live and was issued to this browser; one conditional UPDATE decides,
    /// so a state works once even when raced. A state presented by another browser is left alone.
    /// </summary>
    public async Task<OAuthStateConsumption> ConsumeAsync(string? state, string? browserBinding, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(state))
            return Failed("The sign-in state is missing.", null);
        if (state.Length > MaxStateLength)
            return Failed("The sign-in state is not valid.", null);

        var hash = TokenHashing.Hash(state);
        var binding = string.IsNullOrEmpty(browserBinding) ? "" : TokenHashing.Hash(browserBinding);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var burned = await db.OneTimeTokens
            .Where(t => t.TokenHash == hash && t.Purpose == TokenPurposes.OAuthState && t.ConsumedAt == null
                        && t.ExpiresAt > now && t.Target == binding)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);

        var row = await db.OneTimeTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.Purpose == TokenPurposes.OAuthState)
            .Select(t => new { t.RedirectUrl, t.Data, t.ConsumedAt, t.ExpiresAt })
            .SingleOrDefaultAsync(ct);
        if (row is null)
            return Failed("The sign-in state is not valid.", null);
        if (burned != 1)
        {
            var reason = row.ConsumedAt is not null ? "The sign-in state has already been used."
                : row.ExpiresAt <= now ? "The sign-in took too long; please start again."
                : "The sign-in was started in another browser.";
            return Failed(reason, row.RedirectUrl);
        }

        var data = JsonSerializer.Deserialize<StateData>(row.Data ?? "{}", Json);
        if (data?.Provider is null || row.RedirectUrl is null)
            return Failed("The sign-in state is not valid.", row.RedirectUrl);
        return new OAuthStateConsumption(new OAuthPendingSignIn(data.Provider, row.RedirectUrl, data.CodeVerifier, data.Nonce), null, row.RedirectUrl);
    }

    private static OAuthStateConsumption Failed(string message, string? redirectUrl) =>
        new(null, new AuthError(AuthErrors.InvalidOAuthState, message), redirectUrl);

    private sealed record StateData(string? Provider, string? CodeVerifier, string? Nonce);
}
