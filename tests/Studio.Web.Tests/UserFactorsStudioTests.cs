using Auth.Core.Activity;
using Auth.Core.Data.Entities;
using Auth.Core.Mfa;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages.Users;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>A user's passkeys on the user page (list, counter flag, removal), the recorded MFA reset, the MFA badge of the list.</summary>
public sealed class UserFactorsStudioTests : StudioTest
{
    [Fact]
    public async Task UserDetail_Passkeys_AreListedWithTheCounterFlagAndRemovedOneAtATime()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test");
        await AddPasskeyAsync(user.Id, "Laptop", regressions: 0);
        await AddPasskeyAsync(user.Id, "Old phone", regressions: 2);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForAssertion(() => Assert.Equal(["Laptop", "Old phone"], host.FindAll("[data-test=passkey-name]").Select(n => n.TextContent.Trim())));
        Assert.Contains("went backwards 2×", Assert.Single(host.FindAll("[data-test=counter-regressed]")).TextContent, StringComparison.Ordinal);

        host.FindAll("[data-test=remove-passkey]")[1].Click();
        Confirm(host, "Remove");

        AssertSnackbar(host, "Removed the passkey “Old phone” of ada@example.test.");
        host.WaitForAssertion(() => Assert.Equal(["Laptop"], host.FindAll("[data-test=passkey-name]").Select(n => n.TextContent.Trim())));
        await using var db = await OpenDbAsync();
        Assert.Equal(["Laptop"], await db.Passkeys.Where(p => p.UserId == user.Id).Select(p => p.Name).ToListAsync(Ct));
        Assert.Equal(1, await db.Events.CountAsync(e => e.UserId == user.Id && e.Type == EventTypes.PasskeyRemoved, Ct));
    }

    [Fact]
    public async Task UserDetail_PasskeyRemovalCancelled_KeepsItAndRecordsNothing()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test");
        await AddPasskeyAsync(user.Id, "Laptop", regressions: 0);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForElement("[data-test=remove-passkey]").Click();

        Confirm(host, "Cancel");

        await using var db = await OpenDbAsync();
        Assert.Equal(1, await db.Passkeys.CountAsync(p => p.UserId == user.Id, Ct));
        Assert.False(await db.Events.AnyAsync(e => e.Type == EventTypes.PasskeyRemoved, Ct));
        Assert.Single(host.FindAll("[data-test=passkey]"));
    }

    [Fact]
    public async Task UserDetail_ResetSecondFactors_IsRecordedAsAnEvent()
    {
        var user = await UserSeed.AddUserAsync(Services, "ada@example.test", sessionUserAgents: [UserSeed.ChromeOnMac]);
        await AddFactorAsync(user.Id, confirmed: true);
        var host = RenderPage<UserDetail>(p => p.Add(x => x.Id, user.Id));
        host.WaitForElement("[data-test=reset-mfa]").Click();

        Confirm(host, "Reset");

        AssertSnackbar(host, "Reset the second factors of ada@example.test and ended 1 session.");
        await using var db = await OpenDbAsync();
        var reset = await db.Events.SingleAsync(e => e.UserId == user.Id && e.Type == EventTypes.MfaReset, Ct);
        Assert.Equal(1, EventDetail.Parse(reset.Detail)!.Count);
    }

    [Fact]
    public async Task UserList_MfaBadge_OnUsersWithAConfirmedAuthenticatorOrAPasskeyOnly()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var totp = await UserSeed.AddUserAsync(Services, "totp@example.test", signUpAt: start);
        var passkey = await UserSeed.AddUserAsync(Services, "passkey@example.test", signUpAt: start.AddMinutes(1));
        var pending = await UserSeed.AddUserAsync(Services, "pending@example.test", signUpAt: start.AddMinutes(2));
        await UserSeed.AddUserAsync(Services, "plain@example.test", signUpAt: start.AddMinutes(3));
        await AddFactorAsync(totp.Id, confirmed: true);
        await AddPasskeyAsync(passkey.Id, "Laptop", regressions: 0);
        await AddFactorAsync(pending.Id, confirmed: false);

        var host = RenderPage<UserList>();

        host.WaitForAssertion(() => Assert.Equal(4, host.FindAll("[data-test=user-link]").Count));
        var badged = host.FindAll("tr").Where(r => r.QuerySelector("[data-test=mfa-badge]") is not null)
            .Select(r => r.QuerySelector("[data-test=user-link]")!.TextContent.Trim()).ToList();
        Assert.Equal(["passkey@example.test", "totp@example.test"], badged);
    }

    private async Task AddPasskeyAsync(string userId, string name, int regressions)
    {
        var now = DateTime.UtcNow;
        await using var db = await OpenDbAsync();
        db.Passkeys.Add(new Passkey
        {
            Id = Guid.NewGuid().ToString("N"), UserId = userId, Name = name, CredentialId = Guid.NewGuid().ToByteArray(),
            PublicKey = [1, 2, 3], CreatedAt = now.AddSeconds(db.Passkeys.Count()), LastUsedAt = now,
            CounterRegressions = regressions, CounterRegressedAt = regressions > 0 ? now : null,
        });
        await db.SaveChangesAsync(Ct);
    }

    private async Task AddFactorAsync(string userId, bool confirmed)
    {
        var now = DateTime.UtcNow;
        await using var db = await OpenDbAsync();
        db.MfaFactors.Add(new MfaFactor
        {
            Id = Guid.NewGuid().ToString("N"), UserId = userId, Type = MfaFactor.Totp, CreatedAt = now, ConfirmedAt = confirmed ? now : null,
            ProtectedSecret = Services.GetRequiredService<TotpSecrets>().Protect(TotpCodes.NewSecret()),
        });
        await db.SaveChangesAsync(Ct);
    }
}
