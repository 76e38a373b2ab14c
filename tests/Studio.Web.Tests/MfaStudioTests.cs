using Auth.Core.Data.Entities;
using Auth.Core.Mfa;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages.Settings;
using Studio.Web.Components.Pages.Users;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Second factors in the studio: the mfa settings on the Authentication page, a user's factors and their reset.</summary>
public sealed class MfaStudioTests : StudioTest
{
    [Fact]
    public async Task MfaSection_EnabledAndRequiredAndIssuer_AreSavedToTheDraft()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement(Switch("mfa.enabled")).Change(true);
        host.Find(Switch("mfa.required")).Change(true);
        host.Find("input[data-field='mfa.totpIssuer']").Input("Acme");
        host.WaitForAssertion(() => Assert.Null(host.Find("[data-test=save]").GetAttribute("disabled")));
        host.Find("[data-test=save]").Click();

        await WaitForDraftAsync(d => d.Mfa.Enabled && d.Mfa.Required && d.Mfa.TotpIssuer == "Acme");
    }

    [Fact]
    public void MfaSection_IssuerWithColon_ShowsTheRuleAndBlocksSave()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("input[data-field='mfa.totpIssuer']").Input("Acme:Corp");

        host.WaitForAssertion(() => Assert.Contains("The issuer cannot contain a colon.", host.Markup, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
    }

    [Fact]
    public void MfaSection_RequiredWithoutEnabled_SaysWhyAndBlocksSave()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement(Switch("mfa.required")).Change(true);

        host.WaitForAssertion(() => Assert.Contains("Second factors must be enabled before they can be required.",
            host.Find("[data-error-for='mfa.required']").TextContent, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
    }

    [Fact]
    public async Task UserDetail_Factors_AreListedAndResetRemovesThemAndEndsSessions()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test", sessionUserAgents: [UserSeed.ChromeOnMac, UserSeed.SafariOnIphone]);
        await AddFactorAsync(user.Id);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForAssertion(() => Assert.Contains("Authenticator app (TOTP)", host.Find("[data-test=factor]").TextContent, StringComparison.Ordinal));

        host.Find("[data-test=reset-mfa]").Click();
        Confirm(host, "Reset");

        AssertSnackbar(host, "Reset the second factors of ada@example.test and ended 2 sessions.");
        host.WaitForAssertion(() => Assert.NotNull(host.Find("[data-test=no-factors]")));
        host.WaitForAssertion(() => Assert.Contains("No active sessions", host.Markup, StringComparison.Ordinal));
        await using var db = await OpenDbAsync();
        Assert.False(await db.MfaFactors.AnyAsync(f => f.UserId == user.Id, Ct));
        Assert.False(await db.RecoveryCodes.AnyAsync(c => c.UserId == user.Id, Ct));
        Assert.False(await db.MfaChallenges.AnyAsync(c => c.UserId == user.Id, Ct));
        Assert.Equal(0, await db.Sessions.CountAsync(s => s.UserId == user.Id && s.RevokedAt == null, Ct));
    }

    [Fact]
    public async Task UserDetail_ResetCancelled_KeepsFactorsAndSessions()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test", sessionUserAgents: [UserSeed.ChromeOnMac]);
        var other = await UserSeed.AddUserAsync(Services, "bob@example.test");
        await AddFactorAsync(user.Id);
        await AddFactorAsync(other.Id);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForElement("[data-test=reset-mfa]").Click();

        Confirm(host, "Cancel");

        await using var db = await OpenDbAsync();
        Assert.Equal(2, await db.MfaFactors.CountAsync(Ct));
        Assert.Equal(1, await db.Sessions.CountAsync(s => s.UserId == user.Id && s.RevokedAt == null, Ct));
        Assert.Single(host.FindAll("[data-test=factor]"));
    }

    // MudSwitch puts extra attributes on its root or its input depending on the version; either way the input is clicked.
    private static string Switch(string path) => $"[data-field='{path}'] input, input[data-field='{path}']";

    // The rows a confirmed enrolment leaves (the secret protected by the real key ring), plus a pending sign-in challenge.
    private async Task AddFactorAsync(string userId)
    {
        var now = DateTime.UtcNow;
        await using var db = await OpenDbAsync();
        db.MfaFactors.Add(new MfaFactor
        {
            Id = Guid.NewGuid().ToString("N"), UserId = userId, Type = MfaFactor.Totp, CreatedAt = now, ConfirmedAt = now,
            ProtectedSecret = Services.GetRequiredService<TotpSecrets>().Protect(TotpCodes.NewSecret()),
        });
        db.RecoveryCodes.Add(new RecoveryCode { Id = Guid.NewGuid().ToString("N"), UserId = userId, CodeHash = RecoveryCodes.Hash("abcde-fghjk"), CreatedAt = now });
        Services.GetRequiredService<MfaChallenges>().Issue(db, userId, Amr.Password);
        await db.SaveChangesAsync(Ct);
    }
}
