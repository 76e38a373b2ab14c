using Auth.Core.Operators;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Operators: add, remove others, never the last one, and yourself only after a clear warning.</summary>
public sealed class OperatorsPageTests : StudioTest
{
    private OperatorService Operators => Services.GetRequiredService<OperatorService>();

    [Fact]
    public void TheOnlyOperator_IsMarkedYou_AndCantBeRemoved()
    {
        var host = RenderPage<Operators>();
        host.WaitForAssertion(() => Assert.Contains("you", host.Find("[data-test=operators]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(host.Find("[data-test=remove-operator]").GetAttribute("disabled"));
    }

    [Fact]
    public async Task Add_WithAShortPassword_ShowsTheRule_ThenAddsWithAGoodOne()
    {
        var host = RenderPage<Operators>();
        host.WaitForElement("[data-test=new-email]").Input("second@example.test");
        host.Find("[data-test=new-password]").Input("short");
        host.Find("[data-test=add-operator]").Click();
        host.WaitForAssertion(() => Assert.Contains("The password must be at least 12 characters.", host.Markup, StringComparison.Ordinal));
        Assert.Single(await Operators.ListAsync(Ct));

        host.Find("[data-test=new-password]").Input("a long enough password");
        host.Find("[data-test=add-operator]").Click();
        AssertSnackbar(host, "Added Support operator second@example.test.");
        host.WaitForAssertion(() => Assert.Contains("second@example.test", host.Find("[data-test=operators]").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, (await Operators.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task RemoveAnother_AfterConfirming_RemovesThem()
    {
        await Operators.CreateAsync("second@example.test", "a long enough password", Ct);
        var host = RenderPage<Operators>();
        host.WaitForAssertion(() => Assert.Equal(2, host.FindAll("[data-test=remove-operator]").Count));

        Row(host, "second@example.test").QuerySelector("[data-test=remove-operator]")!.Click();
        Confirm(host, "Remove");

        AssertSnackbar(host, "Removed operator second@example.test.");
        Assert.Single(await Operators.ListAsync(Ct));
    }

    [Fact]
    public async Task RemoveYourself_WarnsFirst_ThenSignsOut()
    {
        await Operators.CreateAsync("second@example.test", "a long enough password", Ct);
        var host = RenderPage<Operators>();
        host.WaitForAssertion(() => Assert.Equal(2, host.FindAll("[data-test=remove-operator]").Count));

        Row(host, Environment.Operator.Email).QuerySelector("[data-test=remove-operator]")!.Click();
        host.WaitForAssertion(() => Assert.Contains("remove your own operator account", host.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Confirm(host, "Remove me and sign out");

        host.WaitForAssertion(() => Assert.EndsWith("/signin?removed=1", Navigation.Uri, StringComparison.Ordinal));
        Assert.Null(await Operators.GetAsync(Environment.Operator.Id, Ct));
    }

    [Fact]
    public async Task RemoveAsync_NeverRemovesTheLastOperator()
    {
        var result = await Operators.RemoveAsync(Environment.Operator.Id, Ct);
        Assert.False(result.IsSuccess);
        Assert.Equal("last_owner", result.Error.Code);
        Assert.NotNull(await Operators.GetAsync(Environment.Operator.Id, Ct));
    }

    [Fact]
    public async Task VerifyCredentials_LocksOutAfterRepeatedFailures()
    {
        for (var i = 0; i < 5; i++)
            Assert.Equal("invalid_credentials", (await Operators.VerifyCredentialsAsync(StudioTestServices.OperatorEmail, "wrong password", Ct)).Error!.Code);

        // Locked: even the right password fails, and it reads like a wrong one (no telling who is an operator).
        var locked = await Operators.VerifyCredentialsAsync(StudioTestServices.OperatorEmail, StudioTestServices.OperatorPassword, Ct);
        Assert.Equal("invalid_credentials", locked.Error!.Code);
        Assert.NotNull((await Operators.GetAsync(Environment.Operator.Id, Ct))!.LockoutEndsAt);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<StudioHost> host, string email) =>
        host.FindAll("[data-test=operators] tbody tr").First(r => r.TextContent.Contains(email, StringComparison.Ordinal));
}
