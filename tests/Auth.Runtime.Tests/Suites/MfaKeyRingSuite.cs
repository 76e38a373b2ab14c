using System.Net;
using Auth.Core.Mfa;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// A stored TOTP secret the key ring cannot decrypt (the ring was lost or replaced): codes answer 503 mfa_unavailable
/// with a message for operators, never a 500, without costing the user lockout attempts; recovery codes still work.
/// </summary>
public abstract class MfaKeyRingSuite(AppFixture fixture) : SuiteBase(fixture)
{
    protected override object? Baseline => new
    {
        email = new { confirmEmail = false },
        mfa = new { enabled = true },
        security = new { lockoutThreshold = 5, lockoutMinutes = 15 },
    };

    [Fact]
    public async Task Verify_SecretFromALostKeyRing_AnswersMfaUnavailableAndRecoveryCodeStillWorks()
    {
        var (email, session, user) = await SignUpWithSessionAsync();
        var (secret, recoveryCodes) = await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);
        var userId = user["_id"]!.GetValue<string>();
        await ReplaceKeyRingAsync(userId, secret);
        var mfaToken = MfaSteps.MfaToken(await PostAsync("/auth/signin-email", new { email, password = Password }));

        var verify = await PostAsync("/auth/mfa/verify", new { mfaToken, code = MfaSteps.Code(secret, Fixture.Time) });

        var error = verify.AssertError(HttpStatusCode.ServiceUnavailable, "mfa_unavailable");
        Assert.Contains("key ring", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await using (var db = Db())
            Assert.Equal(0, await db.Users.Where(u => u.Id == userId).Select(u => u.FailedSignInCount).SingleAsync(TestContext.Current.CancellationToken));
        (await PostAsync("/auth/mfa/verify", new { mfaToken, recoveryCode = recoveryCodes[0] })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RemoveFactorByCode_SecretFromALostKeyRing_AnswersMfaUnavailable()
    {
        var (_, session, user) = await SignUpWithSessionAsync();
        var (secret, _) = await MfaSteps.EnrolAsync(PostAsync, Fixture.Time, session);
        await ReplaceKeyRingAsync(user["_id"]!.GetValue<string>(), secret);

        var regenerate = await PostAsync("/auth/mfa/recovery-codes", new { code = MfaSteps.Code(secret, Fixture.Time) }, session);

        regenerate.AssertError(HttpStatusCode.ServiceUnavailable, "mfa_unavailable");
        (await PostAsync("/auth/mfa/recovery-codes", new { password = Password }, session)).AssertStatus(HttpStatusCode.OK);
    }

    // The same secret, protected by a key this server's ring has never held: what a restored database without its ring looks like.
    private async Task ReplaceKeyRingAsync(string userId, byte[] secret)
    {
        var foreign = new EphemeralDataProtectionProvider().CreateProtector(TotpSecrets.ProtectorPurpose);
        var stored = Convert.ToBase64String(foreign.Protect(secret));
        await using var db = Db();
        await db.MfaFactors.Where(f => f.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ProtectedSecret, stored), TestContext.Current.CancellationToken);
    }
}
