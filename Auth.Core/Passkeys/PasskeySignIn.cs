using System.Text;
using System.Text.Json;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Sessions;
using Auth.Core.SignIn;
using Auth.Core.Users;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Passkeys;

public sealed record PasskeySignInCommand(JsonElement? Credential, ClientInfo Client);

/// <summary>
/// Sign-in with a passkey. Options name the account's credentials when an e-mail is given (an unknown e-mail gets a
/// decoy credential of the same shape) and none otherwise (discoverable credentials). Completion spends the challenge
/// first, so of two racing answers exactly one can open a session; a verified user satisfies the second factor.
/// </summary>
public sealed class PasskeySignIn(
    IDbContextFactory<AuthDbContext> dbFactory, PasskeyRelyingParty relyingParty, PasskeyChallenges challenges,
    PasskeyCounter counter, MfaChallenges mfa, SessionService sessions, PasskeyDecoys decoys)
{
    public async Task<Result<JsonElement>> OptionsAsync(string? email, CancellationToken ct = default)
    {
        if (!relyingParty.Settings.Enabled) return PasskeyErrors.Disabled();
        var rp = relyingParty.Current();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string? userId = null;
        List<PublicKeyCredentialDescriptor> allowed = [];
        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalized = EmailAddress.Normalize(email);
            if (!normalized.IsSuccess) return normalized.Error!;
            userId = await db.Users.Where(u => u.NormalizedEmail == normalized.Value.Normalized).Select(u => u.Id).SingleOrDefaultAsync(ct);
            var stored = userId is null ? [] : await db.Passkeys.AsNoTracking().Where(p => p.UserId == userId)
                .OrderBy(p => p.CreatedAt).Select(p => new { p.CredentialId, p.Transports }).ToListAsync(ct);
            allowed = stored.Select(p => PasskeyTransports.Descriptor(p.CredentialId, p.Transports)).ToList();
            // No enumeration: an unknown address, or one without passkeys, gets options shaped like a real account's.
            if (allowed.Count == 0)
                allowed.Add(PasskeyTransports.Descriptor(decoys.CredentialId(normalized.Value.Normalized), "internal,hybrid"));
        }
        var options = rp.Fido2().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = allowed,
            UserVerification = PasskeyTransports.Requirement(rp.UserVerification),
        });
        var json = options.ToJson();
        challenges.Issue(db, PasskeyChallenge.SignIn, userId, options.Challenge, json);
        await db.SaveChangesAsync(ct);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public async Task<Result<AuthGrant>> CompleteAsync(PasskeySignInCommand command, CancellationToken ct = default)
    {
        if (!relyingParty.Settings.Enabled) return PasskeyErrors.Disabled();
        if (PasskeyCredentials.Assertion(command.Credential) is not { } assertion) return PasskeyErrors.MissingCredential();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var challenge = await challenges.ConsumeAsync(db, assertion.Response.ClientDataJson, PasskeyChallenge.SignIn, ct);
        if (challenge is null) return PasskeyErrors.InvalidChallenge();
        var passkey = await db.Passkeys.AsNoTracking().SingleOrDefaultAsync(p => p.CredentialId == assertion.RawId, ct);
        if (passkey is null || (challenge.UserId is not null && passkey.UserId != challenge.UserId)) return PasskeyErrors.Invalid();

        VerifyAssertionResult verified;
        bool userVerified;
        try
        {
            userVerified = AuthenticatorAssertionResponse.Parse(assertion).AuthenticatorData.UserVerified;
            verified = await relyingParty.Current().Fido2().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = assertion,
                OriginalOptions = AssertionOptions.FromJson(challenge.OptionsJson),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = (uint)passkey.SignCount,
                // A discoverable credential names its user: it must be the passkey's owner.
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) =>
                    Task.FromResult(args.UserHandle.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(passkey.UserId))),
            }, ct);
        }
        catch (Fido2VerificationException ex) when (ex.Code == Fido2ErrorCode.InvalidSignCount)
        {
            await counter.RecordRegressionAsync(db, passkey, CancellationToken.None);
            return PasskeyErrors.CounterRegressed();
        }
        catch (Exception ex) when (PasskeyVerification.IsRefusal(ex))
        {
            return PasskeyErrors.Invalid();
        }
        if (await counter.AdvanceAsync(db, passkey, verified.SignCount, verified.IsBackedUp, CancellationToken.None) is { } regressed)
            return regressed;

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == passkey.UserId, CancellationToken.None);
        if (user is null) return PasskeyErrors.Invalid();
        if (user.Disabled) return SignInErrors.AccountDisabled();
        // Possession of the key and a verified user (PIN, biometrics) are two factors; presence alone is one.
        if (!userVerified && await mfa.RequireAsync(db, user, Amr.Passkey, CancellationToken.None) is { } required)
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return required;
        }
        var grant = sessions.Open(db, user, command.Client, Amr.Passkey);
        await db.SaveChangesAsync(CancellationToken.None);
        return grant;
    }
}
