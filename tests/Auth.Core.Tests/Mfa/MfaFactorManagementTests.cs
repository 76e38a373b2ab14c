using Auth.Core.Errors;
using Auth.Core.Mfa;
using Auth.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Tests.Mfa;

public class MfaFactorManagementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_ShowsOnlyConfirmedFactors()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        await mfa.Enrollment.StartAsync(user.Id, Ct);
        Assert.Empty(await mfa.Management.ListAsync(user.Id, Ct));

        await mfa.Enrollment.StartAsync(user.Id, Ct); // replaces the abandoned one
        await using (var db = mfa.Db.CreateDbContext()) Assert.Equal(1, await db.MfaFactors.CountAsync(Ct));
        var other = await mfa.AddUserAsync("bob@example.test");
        await mfa.EnrolAsync(other);

        Assert.Empty(await mfa.Management.ListAsync(user.Id, Ct));
        Assert.Equal("totp", Assert.Single(await mfa.Management.ListAsync(other.Id, Ct)).Type);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("pw", "123456")]
    public async Task Remove_WithoutExactlyOneProof_IsValidationError(string? password, string? code)
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        await mfa.EnrolAsync(user);
        var factor = Assert.Single(await mfa.Management.ListAsync(user.Id, Ct));

        var result = await mfa.Management.RemoveAsync(user.Id, factor.Id, new MfaProof(password, code), Ct);

        Assert.Equal(AuthErrors.ValidationError, result.Error?.Code);
        Assert.Single(await mfa.Management.ListAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Remove_WrongPassword_IsRefusedAndCounted()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        await mfa.EnrolAsync(user);
        var factor = Assert.Single(await mfa.Management.ListAsync(user.Id, Ct));

        var result = await mfa.Management.RemoveAsync(user.Id, factor.Id, new MfaProof("wrong password!", null), Ct);

        Assert.Equal(AuthErrors.InvalidCredentials, result.Error?.Code);
        Assert.Equal(1, (await mfa.ReloadAsync(user.Id)).FailedSignInCount);
        Assert.Single(await mfa.Management.ListAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Remove_WithPassword_DeletesFactorAndRecoveryCodes()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        await mfa.EnrolAsync(user);
        var factor = Assert.Single(await mfa.Management.ListAsync(user.Id, Ct));

        var result = await mfa.Management.RemoveAsync(user.Id, factor.Id, new MfaProof(MfaTestContext.Password, null), Ct);

        Assert.True(result.IsSuccess);
        Assert.Empty(await mfa.Management.ListAsync(user.Id, Ct));
        await using var db = mfa.Db.CreateDbContext();
        Assert.Empty(await db.RecoveryCodes.ToListAsync(Ct));
        Assert.Null(await mfa.Challenges.RequireAsync(db, user, "pwd", Ct));
    }

    [Fact]
    public async Task Remove_WithCurrentCode_Works_AndTheSameCodeIsSpent()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (secret, _) = await mfa.EnrolAsync(user);
        var factor = Assert.Single(await mfa.Management.ListAsync(user.Id, Ct));

        var result = await mfa.Management.RemoveAsync(user.Id, factor.Id, new MfaProof(null, mfa.CodeAt(secret)), Ct);

        Assert.True(result.IsSuccess);
        Assert.Empty(await mfa.Management.ListAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Remove_OtherUsersFactor_IsNotFound()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var owner = await mfa.AddUserAsync();
        await mfa.EnrolAsync(owner);
        var other = await mfa.AddUserAsync("eve@example.test");
        var factor = Assert.Single(await mfa.Management.ListAsync(owner.Id, Ct));

        var result = await mfa.Management.RemoveAsync(other.Id, factor.Id, new MfaProof(MfaTestContext.Password, null), Ct);

        Assert.Equal(AuthErrors.MfaFactorNotFound, result.Error?.Code);
        Assert.Single(await mfa.Management.ListAsync(owner.Id, Ct));
    }

    [Fact]
    public async Task RegenerateRecoveryCodes_WithCode_ReplacesTheOldOnes()
    {
        await using var mfa = await MfaTestContext.CreateAsync();
        var user = await mfa.AddUserAsync();
        var (secret, old) = await mfa.EnrolAsync(user);

        var fresh = (await mfa.Management.RegenerateRecoveryCodesAsync(user.Id, new MfaProof(null, mfa.CodeAt(secret)), Ct)).Value;

        Assert.Equal(RecoveryCodes.Count, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        var withOld = await mfa.Verify.ExecuteAsync(new MfaVerifyCommand(await mfa.ChallengeAsync(user), null, old[0], ClientInfo.None), Ct);
        var withFresh = await mfa.Verify.ExecuteAsync(new MfaVerifyCommand(await mfa.ChallengeAsync(user), null, fresh[0], ClientInfo.None), Ct);
        Assert.Equal(AuthErrors.InvalidMfaCode, withOld.Error?.Code);
        Assert.True(withFresh.IsSuccess);
    }
}
