using Auth.Core.Operators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Operators page: roles on add, role changes, the last Owner kept, and unlocking a locked operator.</summary>
public sealed class OperatorRolesPageTests : StudioTest
{
    private const string SecondEmail = "second@example.test";
    private const string SecondPassword = "a long enough password";

    private OperatorService Operators => Services.GetRequiredService<OperatorService>();

    [Fact]
    public async Task TheOnlyOwner_CantBeDemotedOrRemoved_ButASupportOperatorCan()
    {
        await Operators.CreateAsync(SecondEmail, SecondPassword, OperatorRole.Support, Ct);
        var host = RenderPage<Operators>();
        host.WaitForAssertion(() => Assert.Equal(2, host.FindAll("[data-test=change-role]").Count));

        var owner = Row(host, Environment.Operator.Email);
        Assert.NotNull(owner.QuerySelector("[data-test=change-role]")!.GetAttribute("disabled"));
        Assert.NotNull(owner.QuerySelector("[data-test=remove-operator]")!.GetAttribute("disabled"));
        var support = Row(host, SecondEmail);
        Assert.Null(support.QuerySelector("[data-test=change-role]")!.GetAttribute("disabled"));
        Assert.Contains("Make Owner", support.QuerySelector("[data-test=change-role]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithTheOwnerRole_StoresAnOwner()
    {
        var host = RenderPage<Operators>();
        host.WaitForElement("[data-test=new-email]").Input(SecondEmail);
        host.Find("[data-test=new-password]").Input(SecondPassword);
        host.Find("[data-test=new-role]").Change(nameof(OperatorRole.Owner));
        host.Find("[data-test=add-operator]").Click();

        AssertSnackbar(host, $"Added Owner operator {SecondEmail}.");
        var added = (await Operators.ListAsync(Ct)).Single(o => o.Email == SecondEmail);
        Assert.Equal(OperatorRole.Owner, added.Role);
    }

    [Fact]
    public async Task ChangeRole_OfAnotherOwner_AfterConfirming_MakesThemSupport()
    {
        var second = (await Operators.CreateAsync(SecondEmail, SecondPassword, OperatorRole.Owner, Ct)).Value;
        var host = RenderPage<Operators>();
        host.WaitForAssertion(() => Assert.Equal(2, host.FindAll("[data-test=change-role]").Count));

        Row(host, SecondEmail).QuerySelector("[data-test=change-role]")!.Click();
        Confirm(host, "Make Support");

        AssertSnackbar(host, $"{SecondEmail} is now Support.");
        Assert.Equal(OperatorRole.Support, (await Operators.GetAsync(second.Id, Ct))!.Role);
        host.WaitForAssertion(() => Assert.Equal("Support", Row(host, SecondEmail).QuerySelector("[data-test=role]")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Unlock_ALockedOperator_ClearsTheCountAndTheLock_SoTheyCanSignIn()
    {
        var second = (await Operators.CreateAsync(SecondEmail, SecondPassword, OperatorRole.Support, Ct)).Value;
        for (var i = 0; i < OperatorService.LockoutThreshold; i++) await Operators.VerifyCredentialsAsync(SecondEmail, "a wrong password", Ct);
        Assert.False((await Operators.VerifyCredentialsAsync(SecondEmail, SecondPassword, Ct)).IsSuccess);
        var host = RenderPage<Operators>();

        host.WaitForAssertion(() => Row(host, SecondEmail).QuerySelector("[data-test=unlock-operator]")!.Click());

        AssertSnackbar(host, $"Unlocked {SecondEmail}");
        await using (var db = await OpenDbAsync())
        {
            var row = await db.Operators.SingleAsync(o => o.Id == second.Id, Ct);
            Assert.Equal(0, row.FailedSignInCount);
            Assert.Null(row.LockoutEndsAt);
        }
        Assert.True((await Operators.VerifyCredentialsAsync(SecondEmail, SecondPassword, Ct)).IsSuccess);
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-test=unlock-operator]")));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<StudioHost> host, string email) =>
        host.FindAll("[data-test=operators] tbody tr").First(r => r.TextContent.Contains(email, StringComparison.Ordinal));
}
