using System.Security.Claims;
using Auth.Core.Activity;
using Auth.Core.Operators;
using Auth.Core.Operators.Mfa;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Studio.Web.Components.Pages;
using Studio.Web.Components.Pages.You;
using Studio.Web.Security;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>
/// The operator's own two-step page over the real services (ADR 0021): enrol from the shown secret, recovery codes shown
/// once and stored hashed, wrong codes counted toward the lockout, removal only with proof; and the Owner's view on Operators.
/// </summary>
public sealed class TwoStepPageTests : StudioTest
{
    private OperatorTotp Totp => Services.GetRequiredService<OperatorTotp>();

    [Fact]
    public async Task Enrol_WithTheCodeOfTheShownSecret_ShowsTenRecoveryCodes_StoredOnlyAsHashes()
    {
        var host = RenderPage<TwoStep>();
        host.WaitForElement("[data-test=totp-start]").Click();
        var secret = host.WaitForElement("[data-test=totp-secret]").TextContent.Trim();
        Assert.Contains("<svg", host.Find("[data-test=totp-qr]").InnerHtml, StringComparison.Ordinal);

        host.Find("[data-test=totp-code]").Input(new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp());
        host.Find("[data-test=totp-confirm]").Click();

        var shown = host.WaitForElements("[data-test=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, shown.Distinct().Count());
        await using var db = await OpenDbAsync();
        var stored = await db.OperatorRecoveryCodes.Where(c => c.OperatorId == Environment.Operator.Id).Select(c => c.CodeHash).ToListAsync(Ct);
        Assert.Equal(10, stored.Count);
        Assert.Empty(stored.Intersect(shown));
        Assert.True((await Totp.StatusAsync(Environment.Operator.Id, Ct)).Enrolled);
        Assert.True(await db.Events.AnyAsync(e => e.Type == EventTypes.OperatorMfaEnrolled, Ct));

        host.Find("[data-test=codes-saved]").Click();
        host.WaitForAssertion(() => Assert.Contains("10", host.Find("[data-test=codes-left]").TextContent, StringComparison.Ordinal));
        Assert.Empty(host.FindAll("[data-test=recovery-codes]"));
    }

    [Fact]
    public async Task Enrol_WithAWrongCode_SaysSo_AndCountsTowardTheLockout()
    {
        var host = RenderPage<TwoStep>();
        host.WaitForElement("[data-test=totp-start]").Click();
        var secret = Base32Encoding.ToBytes(host.WaitForElement("[data-test=totp-secret]").TextContent.Trim());

        host.Find("[data-test=totp-code]").Input(WrongCode(secret));
        host.Find("[data-test=totp-confirm]").Click();

        host.WaitForAssertion(() => Assert.Contains("The code is not right", host.Markup, StringComparison.Ordinal));
        Assert.False((await Totp.StatusAsync(Environment.Operator.Id, Ct)).Enrolled);
        await using var db = await OpenDbAsync();
        Assert.Equal(1, (await db.Operators.SingleAsync(o => o.Id == Environment.Operator.Id, Ct)).FailedSignInCount);
    }

    [Fact]
    public async Task Remove_WithAWrongPassword_IsRefused_WithTheRightOne_RemovesTheFactor()
    {
        await EnrolAsync();
        var host = RenderPage<TwoStep>();

        host.WaitForElement("[data-test=proof-password]").Input("not my password at all");
        host.Find("[data-test=remove-totp]").Click();
        Confirm(host, "Remove");
        host.WaitForAssertion(() => Assert.Contains("The password is not right.", host.Find("[data-test=proof-error]").TextContent, StringComparison.Ordinal));
        Assert.True((await Totp.StatusAsync(Environment.Operator.Id, Ct)).Enrolled);

        host.Find("[data-test=proof-password]").Input(StudioTestServices.OperatorPassword);
        host.Find("[data-test=remove-totp]").Click();
        Confirm(host, "Remove");
        host.WaitForElement("[data-test=totp-off]");
        Assert.False((await Totp.StatusAsync(Environment.Operator.Id, Ct)).Enrolled);
        await using var db = await OpenDbAsync();
        Assert.Empty(await db.OperatorRecoveryCodes.Where(c => c.OperatorId == Environment.Operator.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task ReplaceCodes_WithACurrentCode_ShowsANewSet()
    {
        var (secret, old) = await EnrolAsync();
        var host = RenderPage<TwoStep>();

        // The enrolment spent this step's code; the next step's is the one the app shows next.
        host.WaitForElement("[data-test=proof-code]").Input(new Totp(secret).ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        host.Find("[data-test=replace-codes]").Click();

        var shown = host.WaitForElements("[data-test=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, shown.Count);
        Assert.Empty(shown.Intersect(old));
    }

    [Fact]
    public void UnderThePolicy_WithoutAFactor_ThePageSaysWhy()
    {
        Environment.Authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, Environment.Operator.Id),
            new Claim(ClaimTypes.Role, nameof(OperatorRole.Owner)),
            new Claim(StudioAuth.MustEnrolClaim, "1"));

        var host = RenderPage<TwoStep>();

        host.WaitForElement("[data-test=must-enrol]");
    }

    [Fact]
    public async Task OperatorsPage_ShowsWhoHasAFactor_AndAnOwnerResetsAnothersAndTurnsThePolicyOn()
    {
        var other = (await Services.GetRequiredService<OperatorService>().CreateAsync("other@example.test", "a long enough password", OperatorRole.Support, Ct)).Value;
        await EnrolAsync(other.Id);
        var host = RenderPage<Operators>();

        host.WaitForElement("[data-test=totp-badge]");
        host.Find("[data-test=reset-totp]").Click();
        Confirm(host, "Reset");
        AssertSnackbar(host, "Reset other@example.test's two-step sign-in.");
        Assert.False((await Totp.StatusAsync(other.Id, Ct)).Enrolled);

        host.Find("[data-test=require-totp] input, input[data-test=require-totp]").Change(true);
        AssertSnackbar(host, "Every operator now needs an authenticator app");
        Assert.True(await Services.GetRequiredService<OperatorMfaPolicy>().RequireTotpAsync(Ct));
        await using var db = await OpenDbAsync();
        Assert.True(await db.Events.AnyAsync(e => e.Type == EventTypes.OperatorMfaReset, Ct));
        Assert.True(await db.Events.AnyAsync(e => e.Type == EventTypes.OperatorMfaPolicyChanged, Ct));
    }

    private async Task<(byte[] Secret, IReadOnlyList<string> Codes)> EnrolAsync(string? operatorId = null)
    {
        var id = operatorId ?? Environment.Operator.Id;
        var started = await Totp.StartAsync(id, Ct);
        var secret = Base32Encoding.ToBytes(started.Value.Secret);
        var confirmed = await Totp.ConfirmAsync(id, started.Value.FactorId, new Totp(secret).ComputeTotp(), Ct);
        Assert.True(confirmed.IsSuccess, confirmed.Error?.Message);
        return (secret, confirmed.Value);
    }

    private static string WrongCode(byte[] secret)
    {
        var totp = new Totp(secret);
        var accepted = new[] { -30, 0, 30, 60 }.Select(s => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(s))).ToHashSet();
        var candidate = 0;
        string wrong;
        do wrong = (candidate++).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        while (accepted.Contains(wrong));
        return wrong;
    }
}
