using System.Diagnostics;
using Auth.Core.Messaging;

namespace Auth.Core.Tests.Messaging;

public sealed class SandboxTests
{
    private static readonly MessageModel Model = new(
        new MessageUser("<script>alert(1)</script>", "jane@example.com", "+15555550100"),
        new MessageToken("123456", "https://auth.example/auth/verify?key=k&action=magic-link", "https://app.example/back",
            "jane@example.com", null, new DateTime(2030, 1, 2, 3, 4, 0, DateTimeKind.Utc), TimeSpan.FromHours(1), "magic-link"),
        "My App");

    private static async Task<RenderResult> RenderAsync(string source, RenderMode mode = RenderMode.Html, SandboxLimits? limits = null)
    {
        var renderer = new TemplateRenderer(limits ?? new SandboxLimits());
        return await renderer.RenderAsync(renderer.Parse(source), Model, mode, TestContext.Current.CancellationToken);
    }

    public static TheoryData<string> Runaways => new()
    {
        "{{ for i in 1..1000000000 }}x{{ end }}",
        "{{ func f(x); ret f(x); end; f(1) }}",
        "{{ \"a\" * 100000000 }}",
        "{{ \"\" | string.pad_left 2000000000 }}",
        "{{ string.pad_right \"x\" 100000 }}",
        "{{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}",
        "{{ " + new string('[', 5000) + new string(']', 5000) + " }}",
        "{{ " + string.Concat(Enumerable.Repeat("if true;", 3000)) + " }}",
        "{{ import \"x\" }}",
        "{{ include \"x\" }}",
        "{{ include_join [\"a\"] \",\" }}",
        "{{ while true }}{{ end }}",
        "{{ s = \"aaaaaaaaaa\"; for i in 1..40; s = s + s; end }}",
        "{{ x = [1]; for i in 1..30; x = array.concat x x; end; x.size }}",
        "{{ (1..100000000) | array.join \",\" }}",
        "{{ object.eval \"1 + 1\" }}",
        "{{ object.eval_template \"{{ 1 }}\" }}",
        "{{ regex.match \"aaaa\" \"a+\" }}",
        "{{ for i in 1..900 }}" + new string('x', 1000) + "{{ end }}",
    };

    [Theory]
    [MemberData(nameof(Runaways))]
    public async Task Render_RunawayTemplate_FailsCleanlyAndQuickly(string source)
    {
        var watch = Stopwatch.StartNew();
        var result = await RenderAsync(source);
        watch.Stop();
        Assert.False(result.IsSuccess);
        Assert.Null(result.Output);
        Assert.NotEmpty(result.Errors);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // hang guard, generous for CI load
    }

    [Fact]
    public async Task Render_LoopWithLimitsOff_StoppedByTheDeadline()
    {
        var limits = new SandboxLimits { LoopLimit = 0, Deadline = TimeSpan.FromMilliseconds(200), HardDeadline = TimeSpan.FromSeconds(1) };
        var watch = Stopwatch.StartNew();
        var result = await RenderAsync("{{ i = 0; while true; i = i + 1; end }}", limits: limits);
        Assert.Contains("took longer than 200 ms", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // hang guard, generous for CI load
    }

    [Fact]
    public void Parse_ForbiddenAndDeepTemplates_AreRejectedAtParseTime()
    {
        var limits = new SandboxLimits();
        Assert.Contains("'import' is not allowed", ParsedTemplate.Parse("{{ import x }}", limits).Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'include' is not allowed", ParsedTemplate.Parse("a\n{{ include 'x' }}", limits).Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, ParsedTemplate.Parse("a\n{{ include 'x' }}", limits).Errors[0].Line);
        Assert.False(ParsedTemplate.Parse("{{ " + new string('(', 500) + "1" + new string(')', 500) + " }}", limits).IsValid);
        Assert.Contains("longer than", ParsedTemplate.Parse(new string('x', limits.MaxTemplateLength + 1), limits).Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntaxError_ReportsOneBasedLineAndColumn()
    {
        var parsed = ParsedTemplate.Parse("line one\nline {{ if }} two", new SandboxLimits());
        var error = Assert.Single(parsed.Errors.Take(1));
        Assert.Equal(2, error.Line);
        Assert.True(error.Column > 1);
        Assert.StartsWith("Line 2, column ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_HtmlMode_EncodesEveryInsertedValue()
    {
        var result = await RenderAsync("<p title=\"{{ user.name }}\">{{ user.name | string.upcase }}</p>");
        Assert.Equal("<p title=\"&lt;script&gt;alert(1)&lt;/script&gt;\">&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;</p>", result.Output);
    }

    [Fact]
    public async Task Render_TextMode_LeavesValuesAsTheyAre()
    {
        var result = await RenderAsync("{{ user.name }}", RenderMode.Text);
        Assert.Equal("<script>alert(1)</script>", result.Output);
    }

    [Fact]
    public async Task Render_ModelMembers_UseTheAgnostClientApiNames()
    {
        var result = await RenderAsync(
            "{{ token.confirmationURL }}|{{ token.redirectURL }}|{{ token.code }}|{{ token.email }}|{{ token.expiresIn }}|{{ token.actionType }}|{{ app.name }}|{{ user.email }}|{{ token.expiresAt }}",
            RenderMode.Text);
        Assert.Equal("https://auth.example/auth/verify?key=k&action=magic-link|https://app.example/back|123456|jane@example.com|1 hour|magic-link|My App|jane@example.com|2030-01-02 03:04 UTC", result.Output);
        Assert.Empty(result.UnknownNames);
    }

    [Fact]
    public async Task Render_UnknownNames_RenderEmptyAndAreReported()
    {
        var result = await RenderAsync("[{{ usr.name }}][{{ user.nmae }}][{{ token.confirmationUrl }}]", RenderMode.Text);
        Assert.True(result.IsSuccess);
        Assert.Equal("[][][]", result.Output);
        Assert.Equal(["token.confirmationUrl", "user.nmae", "usr"], result.UnknownNames);
    }

    [Fact]
    public async Task Render_ModelIsReadOnly_AndNothingOutsideItIsReachable()
    {
        Assert.False((await RenderAsync("{{ user.name = 'x' }}")).IsSuccess);
        Assert.False((await RenderAsync("{{ user = 'x' }}")).IsSuccess);
        Assert.Equal("3", (await RenderAsync("{{ n = 1 + 2 }}{{ n }}")).Output);
        var reflection = await RenderAsync("{{ user.name.length }}{{ app.get_type }}", RenderMode.Text);
        Assert.Equal("", reflection.Output);
    }

    [Fact]
    public void HeaderText_ControlCharacters_BecomeOneLine()
    {
        Assert.Equal("Hi Eve Bcc: x@y.z", HeaderText.Clean("Hi Eve\r\nBcc: x@y.z"));
        Assert.Equal("a b c", HeaderText.Clean(" a\u0085b\u2028c\t "));
        Assert.Equal(998, HeaderText.Clean(new string('x', 2000)).Length);
    }

    [Fact]
    public void TemplateCache_SameRevision_ParsesOnce_NewRevisionStartsOver()
    {
        var cache = new TemplateCache(new TemplateRenderer(new SandboxLimits()));
        var first = cache.Get(3, "{{ app.name }}");
        Assert.Same(first, cache.Get(3, "{{ app.name }}"));
        Assert.NotSame(first, cache.Get(4, "{{ app.name }}"));
        Assert.Equal(1, cache.Count);
    }
}
