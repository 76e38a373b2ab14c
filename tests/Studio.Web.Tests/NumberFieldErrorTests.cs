using Studio.Web.Components.Pages.Settings;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>Number fields on Authentication keep showing their problem after the field loses focus, as long as it exists.</summary>
public sealed class NumberFieldErrorTests : StudioTest
{
    [Theory]
    [InlineData("security.passwordMinLength", "3")]
    [InlineData("sessions.lifetimeDays", "1000")]
    [InlineData("security.lockoutThreshold", "0")]
    [InlineData("sessions.idleTimeoutMinutes", "2")]
    [InlineData("smtp.port", "-1")]
    [InlineData("smtp.port", "70000")]
    [InlineData("housekeeping.sessionRetentionDays", "0")]
    public void OutOfRange_ThenTab_TheFieldStillShowsItsError(string path, string typed)
    {
        var host = RenderPage<Authentication>();
        var field = host.WaitForElement($"input[data-field='{path}']");
        field.Input(typed);
        host.WaitForAssertion(() => Assert.Contains("1 problem to fix", host.Find("[data-test=error-count]").TextContent, StringComparison.Ordinal));
        host.WaitForAssertion(() => Assert.Contains("Must be between", ErrorTextOf(host, path), StringComparison.Ordinal));

        host.Find($"input[data-field='{path}']").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Tab" });
        host.Find($"input[data-field='{path}']").Blur();

        host.WaitForAssertion(() => Assert.Contains("1 problem to fix", host.Find("[data-test=error-count]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Must be between", ErrorTextOf(host, path), StringComparison.Ordinal);
        Assert.Equal(typed, host.Find($"input[data-field='{path}']").GetAttribute("value"));
    }

    [Fact]
    public void SmtpPort_TypedKeyByKeyAsMinusOne_ShowsTheRangeError_AndKeepsItAfterBlur()
    {
        var host = RenderPage<Authentication>();
        host.WaitForElement("input[data-field='smtp.port']").Input("");
        host.Find("input[data-field='smtp.port']").Input("-");
        host.Find("input[data-field='smtp.port']").Input("-1");

        host.WaitForAssertion(() => Assert.Contains("Must be between 1 and 65535", ErrorTextOf(host, "smtp.port"), StringComparison.Ordinal));
        host.Find("input[data-field='smtp.port']").Blur();
        host.WaitForAssertion(() => Assert.Contains("1 problem to fix", host.Find("[data-test=error-count]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Must be between 1 and 65535", ErrorTextOf(host, "smtp.port"), StringComparison.Ordinal);
        Assert.NotNull(host.Find("[data-test=save]").GetAttribute("disabled"));
    }

    // The helper/error line under the field: MudBlazor renders it inside the same .mud-input-control.
    private static string ErrorTextOf(IRenderedComponent<StudioHost> host, string path)
    {
        var input = host.Find($"input[data-field='{path}']");
        var control = input.Closest(".mud-input-control") ?? throw new InvalidOperationException("no input control");
        return string.Join(" ", control.QuerySelectorAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent));
    }
}
