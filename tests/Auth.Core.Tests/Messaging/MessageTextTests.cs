using Auth.Core.Messaging;
using Auth.Core.Settings;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Core.Tests.Messaging;

public sealed class MessageTextTests
{
    [Theory]
    [InlineData("", "GSM-7", 0)]
    [InlineData("123456 is your code", "GSM-7", 1)]
    [InlineData("€", "GSM-7", 1)]
    [InlineData("😀", "UCS-2", 1)]
    [InlineData("Ελλάδα ok", "UCS-2", 1)]
    public void SmsSegments_Encoding(string text, string encoding, int segments)
    {
        var info = SmsSegments.Count(text);
        Assert.Equal(encoding, info.Encoding);
        Assert.Equal(segments, info.Segments);
        Assert.Equal(text.Length, info.Characters);
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void SmsSegments_Gsm7Boundaries(int length, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string('a', length)).Segments);

    [Fact]
    public void SmsSegments_ExtensionCharactersTakeTwoSeptets() =>
        Assert.Equal(2, SmsSegments.Count(new string('a', 159) + "{").Segments);

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void SmsSegments_Ucs2Boundaries(int length, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string('ж', length)).Segments);

    [Theory]
    [InlineData(3600, "1 hour")]
    [InlineData(600, "10 minutes")]
    [InlineData(5400, "1 hour 30 minutes")]
    [InlineData(86400, "1 day")]
    [InlineData(604800, "7 days")]
    [InlineData(90, "1 minute 30 seconds")]
    [InlineData(1, "1 second")]
    [InlineData(0, "0 seconds")]
    public void Duration_Humanize(int seconds, string expected) =>
        Assert.Equal(expected, Duration.Humanize(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void HtmlToText_KeepsLinkAddressesAndDecodesEntities()
    {
        var text = HtmlToText.Convert("<html><head><style>p{}</style></head><body><h1>Hi &lt;Bob&gt;</h1><p>Click <a href=\"https://x.test/?a=1&amp;b=2\">here</a></p><p><a href=\"https://x.test/\">https://x.test/</a></p></body></html>");
        Assert.Equal("Hi <Bob>\n\nClick here: https://x.test/?a=1&b=2\n\nhttps://x.test/", text);
    }

    [Fact]
    public async Task ShippedTemplates_RenderWithSampleDataWithoutErrorsOrWarnings()
    {
        var renderer = new TemplateRenderer(new SandboxLimits());
        var checker = new MessageTemplateChecker(renderer, new AuthCoreOptions(), new FakeTimeProvider());
        var result = await checker.CheckAsync(new AuthSettings(), ct: TestContext.Current.CancellationToken);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task TemplateCheck_RunawayTemplate_BlocksOnlyTheSaveThatChangesIt()
    {
        var checker = new MessageTemplateChecker(new TemplateRenderer(new SandboxLimits()), new AuthCoreOptions(), new FakeTimeProvider());
        var held = new AuthSettings();
        held.Messages.MagicLink.Subject = "{{ while true }}{{ end }}";
        var ct = TestContext.Current.CancellationToken;

        // Changing it in: refused, named by its path.
        Assert.Contains("messages.magic_link.subject", (await checker.CheckAsync(held, new AuthSettings(), ct)).Errors.Keys);
        Assert.Contains("messages.magic_link.subject", (await checker.CheckAsync(held, ct: ct)).Errors.Keys);
        // Already held unchanged (another section is being saved): not this save's problem.
        Assert.Empty((await checker.CheckAsync(held, held, ct)).Errors);
    }

    [Fact]
    public void SettingsValidator_TemplateThatDoesNotParse_NamesTheFieldWithLineAndColumn()
    {
        var settings = new AuthSettings();
        settings.Messages.MagicLink.Subject = "Sign in {{ if }}";
        var errors = SettingsValidator.Validate(settings);
        Assert.StartsWith("Line 1, column ", errors["messages.magic_link.subject"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MessageDefaults.VerifySmsCodeBody, "verify-phone", "verification code")]
    [InlineData(MessageDefaults.VerifySmsCodeBody, "reset-pwd-code", "verification code")]
    [InlineData(MessageDefaults.SigninSmsCodeBody, "signin-code", "sign-in code")]
    public async Task ShippedSmsTemplates_FitOneGsm7Segment(string body, string action, string wording)
    {
        var renderer = new TemplateRenderer(new SandboxLimits());
        var model = new MessageModel(new MessageUser("Jane", null, "+15555550100"),
            new MessageToken("123456", null, null, null, "+15555550100", DateTime.UtcNow, TimeSpan.FromMinutes(10), action), "A Longer App Name");
        var text = (await renderer.RenderAsync(renderer.Parse(body), model, RenderMode.Text, TestContext.Current.CancellationToken)).Output!;
        Assert.StartsWith("123456 is your A Longer App Name", text, StringComparison.Ordinal);
        Assert.Contains(wording, text, StringComparison.Ordinal);
        var info = SmsSegments.Count(text);
        Assert.Equal(("GSM-7", 1), (info.Encoding, info.Segments));
    }
}
