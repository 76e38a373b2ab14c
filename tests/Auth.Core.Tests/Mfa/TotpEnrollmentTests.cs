using Auth.Core.Errors;
using Auth.Core.Mfa;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Auth.Core.Tests.Mfa;

public class TotpEnrollmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_MfaDisabled_IsNotAllowed()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        mfa.Settings.Current.Settings.Mfa.Enabled = false;
        var user = await mfa.AddUserAsync();

        var result = await mfa.Enrollment.StartAsync(user.Id, Ct);

        Assert.Equal(AuthErrors.NotAllowed, result.Error?.Code);
    }

    [Fact]
    public async Task Start_ReturnsSecretUrlAndQr_AndStoresTheSecretEncrypted()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        mfa.Settings.Current.Settings.Mfa.TotpIssuer = "Acme";
        var user = await mfa.AddUserAsync();

        var started = (await mfa.Enrollment.StartAsync(user.Id, Ct)).Value;

        Assert.Equal(TotpCodes.SecretBytes, Base32Encoding.ToBytes(started.Secret).Length);
        Assert.StartsWith("otpauth://totp/Acme:ada%40example.test?secret=" + started.Secret + "&issuer=Acme", started.OtpauthUrl);
        Assert.Contains("<svg", started.QrCodeSvg);
        await using var db = mfa.Db.CreateDbContext();
        var row = await db.MfaFactors.SingleAsync(Ct);
        Assert.Null(row.ConfirmedAt);
        Assert.DoesNotContain(started.Secret, row.ProtectedSecret);
        Assert.NotEqual(Convert.ToBase64String(Base32Encoding.ToBytes(started.Secret)), row.ProtectedSecret);
    }

    [Fact]
    public async Task Confirm_AppCode_ConfirmsAndReturnsTenRecoveryCodesStoredHashed()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var started = (await mfa.Enrollment.StartAsync(user.Id, Ct)).Value;

        var codes = (await mfa.Enrollment.ConfirmAsync(user.Id, started.FactorId, mfa.CodeAt(Base32Encoding.ToBytes(started.Secret)), Ct)).Value;

        Assert.Equal(RecoveryCodes.Count, codes.Distinct().Count());
        await using var db = mfa.Db.CreateDbContext();
        Assert.NotNull((await db.MfaFactors.SingleAsync(Ct)).ConfirmedAt);
        var hashes = await db.RecoveryCodes.Select(c => c.CodeHash).ToListAsync(Ct);
        Assert.Equal(codes.Select(RecoveryCodes.Hash).Order(), hashes.Order());
        Assert.Empty(codes.Intersect(hashes));
    }

    [Fact]
    public async Task Confirm_WrongCode_IsRefusedAndFactorStaysUnconfirmed()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var started = (await mfa.Enrollment.StartAsync(user.Id, Ct)).Value;
        var right = mfa.CodeAt(Base32Encoding.ToBytes(started.Secret));
        var wrong = right == "000000" ? "000001" : "000000";

        var result = await mfa.Enrollment.ConfirmAsync(user.Id, started.FactorId, wrong, Ct);

        Assert.Equal(AuthErrors.InvalidMfaCode, result.Error?.Code);
        Assert.Equal(1, (await mfa.ReloadAsync(user.Id)).FailedSignInCount);
        await using var db = mfa.Db.CreateDbContext();
        Assert.Null((await db.MfaFactors.SingleAsync(Ct)).ConfirmedAt);
        Assert.Empty(await db.RecoveryCodes.ToListAsync(Ct));
    }

    [Fact]
    public async Task Start_ConfirmedFactorExists_IsAlreadyEnrolled()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        await mfa.EnrolAsync(user);

        var result = await mfa.Enrollment.StartAsync(user.Id, Ct);

        Assert.Equal(AuthErrors.MfaAlreadyEnrolled, result.Error?.Code);
    }

    [Fact]
    public async Task Confirm_OtherUsersFactor_IsNotFound()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var owner = await mfa.AddUserAsync();
        var other = await mfa.AddUserAsync("eve@example.test");
        var started = (await mfa.Enrollment.StartAsync(owner.Id, Ct)).Value;

        var result = await mfa.Enrollment.ConfirmAsync(other.Id, started.FactorId, mfa.CodeAt(Base32Encoding.ToBytes(started.Secret)), Ct);

        Assert.Equal(AuthErrors.MfaFactorNotFound, result.Error?.Code);
    }
}
