using System.Diagnostics;
using System.Text.RegularExpressions;
using Auth.Core.Sessions;

namespace Auth.Core.Tests.Sessions;

public sealed class UserAgentParserTests
{
    private const string ChromeWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

    private static readonly Dictionary<string, UserAgentCase> Cases =
        UserAgentCases.All.ToDictionary(c => c.Name);

    public static IEnumerable<TheoryDataRow<string>> CaseNames() =>
        UserAgentCases.All.Select(c => new TheoryDataRow<string>(c.Name).WithTestDisplayName(c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parse_RealUserAgent_MatchesUaParserJs(string name)
    {
        var expected = Cases[name];

        var actual = UserAgentParser.Parse(expected.Ua);

        Assert.Equal(expected.Ua, actual.Ua);
        Assert.Equal(expected.Browser, actual.Browser);
        Assert.Equal(expected.Engine, actual.Engine);
        Assert.Equal(expected.Os, actual.Os);
        Assert.Equal(expected.Device, actual.Device);
        Assert.Equal(expected.Cpu, actual.Cpu);
    }

    [Fact]
    public void Parse_Null_ReturnsAllEmpty()
    {
        Assert.Equal(UserAgentInfo.Empty(""), UserAgentParser.Parse(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Parse_EmptyOrWhitespace_ReturnsAllEmptyKeepingInput(string ua)
    {
        Assert.Equal(UserAgentInfo.Empty(ua), UserAgentParser.Parse(ua));
    }

    [Theory]
    [InlineData("not a user agent")]
    [InlineData("1234567890")]
    [InlineData("\u0000\u0001\uFFFD ☃ 💥 <script>alert(1)</script>")]
    [InlineData("((((;;;;))))////....")]
    public void Parse_Garbage_ReturnsAllEmptyKeepingInput(string ua)
    {
        Assert.Equal(UserAgentInfo.Empty(ua), UserAgentParser.Parse(ua));
    }

    [Fact]
    public void Parse_100KbHeaderStartingWithRealUa_ParsesPrefixAndTruncatesUa()
    {
        var ua = ChromeWindows + " " + new string('A', 100 * 1024);

        var result = UserAgentParser.Parse(ua);

        Assert.Equal(ua[..UserAgentParser.MaxStoredLength], result.Ua);
        Assert.Equal(new UserAgentBrowser("Chrome", "124.0.0.0", "124"), result.Browser);
        Assert.Equal(new UserAgentOs("Windows", "10"), result.Os);
    }

    [Fact]
    public void Parse_100KbOfNoise_ReturnsAllEmptyWithTruncatedUa()
    {
        var ua = new string('x', 100 * 1024);

        var result = UserAgentParser.Parse(ua);

        Assert.Equal(UserAgentInfo.Empty(ua[..UserAgentParser.MaxStoredLength]), result);
    }

    [Fact]
    public void Parse_RealUaBeyondParsedLength_IsIgnored()
    {
        var ua = new string(' ', UserAgentParser.MaxParsedLength) + ChromeWindows;

        var result = UserAgentParser.Parse(ua);

        Assert.Equal(UserAgentInfo.Empty(ua), result);
    }

    public static TheoryData<string> PathologicalHeaders() =>
    [
        // Lazy ".+?" runs between "droid " and "safari" in the generic Android device rules.
        "Mozilla/5.0 (Linux; Android " + Repeat("; a", 300),
        "Android " + Repeat("; x bui", 150) + Repeat(" safari", 10),
        // Greedy ".*os (\w+) like mac" in the iOS rule, with no "like mac" to find.
        "(iPhone; " + Repeat("os 17_4 ", 120),
        // Windows version run followed by many "xbox"-less characters.
        "Windows " + Repeat("nt 10.0 ", 120),
        // The Gecko rule scans for "gecko" after every "rv:".
        Repeat("rv:1 ", 200),
        Repeat("version/1 ", 100) + "mobile safari",
        new string('a', 5000),
    ];

    [Theory]
    [MemberData(nameof(PathologicalHeaders))]
    public void Parse_BacktrackingBait_ReturnsQuicklyWithoutThrowing(string ua)
    {
        var clock = Stopwatch.StartNew();

        var result = UserAgentParser.Parse(ua);

        clock.Stop();
        Assert.NotNull(result);
        Assert.Equal(ua.Length > UserAgentParser.MaxStoredLength ? ua[..UserAgentParser.MaxStoredLength] : ua, result.Ua);
        // A hang guard, not a performance assertion (bench/ measures speed): generous for a loaded CI machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Parse took {clock.Elapsed}.");
    }

    [Fact]
    public void UaRule_CatastrophicPattern_TimesOutInsteadOfHanging()
    {
        // Parse catches this exception; the point here is that every rule's regex carries a timeout.
        UaRule<UserAgentCpu>[] rules = [new(@"^(\w+\s?)+$", _ => new("x"), TimeSpan.FromMilliseconds(20))];
        var bait = new string('a', 64) + "!";

        var clock = Stopwatch.StartNew();
        Assert.Throws<RegexMatchTimeoutException>(() => UaRule.First(rules, bait));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Timeout fired after {clock.Elapsed}.");
    }

    [Fact]
    public void Parse_SameHeaderTwice_ReturnsEqualResults()
    {
        Assert.Equal(UserAgentParser.Parse(ChromeWindows), UserAgentParser.Parse(ChromeWindows));
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
