using System.Text;
using System.Text.Json;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Tokens;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Passkeys;

public sealed record PasskeyInfo(
    string Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt, Guid Aaguid, IReadOnlyList<string> Transports,
    bool BackupEligible, bool BackedUp, int CounterRegressions, DateTime? CounterRegressedAt)
{
    public static PasskeyInfo From(Passkey p) => new(
        p.Id, p.Name, p.CreatedAt, p.LastUsedAt, p.Aaguid, PasskeyTransports.Names(p.Transports),
        p.BackupEligible, p.BackedUp, p.CounterRegressions, p.CounterRegressedAt);
}

/// <summary>
/// Registration of a passkey by the signed-in caller: <see cref="OptionsAsync"/> hands out creation options (and keeps
/// them with their challenge); <see cref="CompleteAsync"/> verifies the authenticator's answer against them.
/// </summary>
public sealed class PasskeyRegistration(
    IDbContextFactory<AuthDbContext> dbFactory, PasskeyRelyingParty relyingParty, PasskeyChallenges challenges, TimeProvider time)
{
    public const int NameMaxLength = 100;

    public async Task<Result<JsonElement>> OptionsAsync(string userId, CancellationToken ct = default)
    {
        if (!relyingParty.Settings.Enabled) return PasskeyErrors.Disabled();
        var rp = relyingParty.Current();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return new AuthError(AuthErrors.UserNotFound, "The user no longer exists.");
        var existing = await db.Passkeys.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.CredentialId, p.Transports }).ToListAsync(ct);

        var account = user.Email ?? user.Phone ?? user.Id;
        var options = rp.Fido2().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = Encoding.UTF8.GetBytes(user.Id), Name = account, DisplayName = user.Name ?? account },
            // The same authenticator twice would only add a second row for one key.
            ExcludeCredentials = existing.Select(p => PasskeyTransports.Descriptor(p.CredentialId, p.Transports)).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                // Discoverable when the authenticator can: sign-in without typing an e-mail needs it.
                ResidentKey = ResidentKeyRequirement.Preferred,
                UserVerification = PasskeyTransports.Requirement(rp.UserVerification),
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var json = options.ToJson();
        challenges.Issue(db, PasskeyChallenge.Register, userId, options.Challenge, json);
        await db.SaveChangesAsync(ct);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public async Task<Result<PasskeyInfo>> CompleteAsync(string userId, JsonElement? credential, string? name, CancellationToken ct = default)
    {
        if (!relyingParty.Settings.Enabled) return PasskeyErrors.Disabled();
        if (PasskeyCredentials.Attestation(credential) is not { } attestation) return PasskeyErrors.MissingCredential();
        var label = string.IsNullOrWhiteSpace(name) ? "Passkey" : name.Trim();
        if (label.Length > NameMaxLength || label.Any(char.IsControl))
            return AuthError.Validation("name", $"At most {NameMaxLength} characters, without line breaks.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var challenge = await challenges.ConsumeAsync(db, attestation.Response.ClientDataJson, PasskeyChallenge.Register, ct);
        if (challenge is null || challenge.UserId != userId) return PasskeyErrors.InvalidChallenge();

        RegisteredPublicKeyCredential registered;
        try
        {
            registered = await relyingParty.Current().Fido2().MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = attestation,
                OriginalOptions = CredentialCreateOptions.FromJson(challenge.OptionsJson),
                IsCredentialIdUniqueToUserCallback = async (args, token) =>
                    !await db.Passkeys.AnyAsync(p => p.CredentialId == args.CredentialId, token),
            }, ct);
        }
        catch (Fido2VerificationException ex) when (ex.Code == Fido2ErrorCode.NonUniqueCredentialId)
        {
            return PasskeyErrors.AlreadyRegistered();
        }
        catch (Exception ex) when (PasskeyVerification.IsRefusal(ex))
        {
            return PasskeyErrors.Invalid();
        }
        if (registered.Id.Length > Passkey.CredentialIdMaxBytes) return PasskeyErrors.Invalid();

        var passkey = new Passkey
        {
            Id = TokenHashing.RandomHex(16),
            UserId = userId,
            CredentialId = registered.Id,
            PublicKey = registered.PublicKey,
            SignCount = registered.SignCount,
            Transports = PasskeyTransports.Join(registered.Transports),
            Aaguid = registered.AaGuid,
            Name = label,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            BackupEligible = registered.IsBackupEligible,
            BackedUp = registered.IsBackedUp,
        };
        db.Passkeys.Add(passkey);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one credential raced past the check: the unique index keeps one.
            return PasskeyErrors.AlreadyRegistered();
        }
        return PasskeyInfo.From(passkey);
    }
}
