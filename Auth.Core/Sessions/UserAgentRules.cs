namespace Auth.Core.Sessions;

/// <summary>
/// Browser, engine, OS and CPU tables, ordered and named as ua-parser-js 1.0.x does.
/// Order is the whole point: every Chromium browser also says "Chrome/" and "Safari/", and every
/// iOS browser says "Safari/", so their own tokens must be tried before the generic ones.
/// </summary>
internal static class UserAgentRules
{
    internal static readonly UaRule<UserAgentBrowser>[] Browsers =
    [
        Browser(@"\b(?:crmo|crios)/([\w.]+)", "Chrome"),
        Browser(@"edg(?:e|ios|a)?/([\w.]+)", "Edge"),
        BrowserCaptured(@"(opera mini)/([-\w.]+)"),
        BrowserCaptured(@"(opera [mobiletab]{3,6})\b.+version/([-\w.]+)"),
        BrowserCaptured(@"(opera)(?:.+version/|[/ ]+)([\w.]+)"),
        Browser(@"opios[/ ]+([\w.]+)", "Opera Mini"),
        Browser(@"\bop(?:rg)?x/([\w.]+)", "Opera GX"),
        Browser(@"\bopr/([\w.]+)", "Opera"),
        BrowserCaptured(@"\b(vivaldi|brave|duckduckgo|silk|falkon|epiphany|midori|whale(?!.+naver))/([-\w.]+)"),
        Browser(@"\bddg/([\w.]+)", "DuckDuckGo"),
        Browser(@"(?:\buc? ?browser|juc.+ucweb)[/ ]?([\w.]+)", "UCBrowser"),
        Browser(@"trident.+rv[: ]([\w.]{1,9})\b.+like gecko", "IE"),
        Browser(@"(?:\bms|\()ie ([\w.]+)", "IE"),
        Browser(@"ya(?:search)?browser/([\w.]+)", "Yandex"),
        Browser(@"\bfocus/([\w.]+)", "Firefox Focus"),
        Browser(@"\bopt/([\w.]+)", "Opera Touch"),
        Browser(@"miuibrowser/([\w.]+)", "MIUI Browser"),
        Browser(@"fxios/([-\w.]+)", "Firefox"),
        new(@"(oculus|sailfish|huawei|vivo|pico)browser/([\w.]+)", m => B(m.G(1) + " Browser", m.G(2))),
        Browser(@"samsungbrowser/([\w.]+)", "Samsung Internet"),
        BrowserCaptured(@"(electron)/([\w.]+) safari"),
        new(@"(?:fban/fbios|fb_iab/fb4a)(?!.+fbav)|;fbav/([\w.]+);", m => B("Facebook", m.G(1))),
        BrowserCaptured(@"(chromium|instagram|snapchat)[/ ]([-\w.]+)"),
        Browser(@"\bgsa/([\w.]+) .*safari/", "GSA"),
        Browser(@"headlesschrome(?:/([\w.]+)| )", "Chrome Headless"),
        Browser(@" wv\).+chrome/([\w.]+)", "Chrome WebView"),
        Browser(@"droid.+ version/([\w.]+)\b.+(?:mobile safari|safari)", "Android Browser"),
        Browser(@"chrome/v?([\w.]+)", "Chrome"),
        Browser(@"version/([\w.,]+) .*mobile/\w+ safari", "Mobile Safari"),
        new(@"version/([\w.,]+) .*(mobile ?safari|safari)", m => B(m.G(2), m.G(1))),
        // A WebKit "Safari/NNN" without "Version/" is a pre-3.0 Safari or an embedded view: name only.
        new(@"webkit.+?(mobile ?safari|safari)/[\w.]+", m => B(m.G(1), "")),
        BrowserCaptured(@"(webkit|khtml)/([\w.]+)"),
        new(@"(?:navigator|netscape\d?)/([-\w.]+)", m => B("Netscape", m.G(1))),
        BrowserCaptured(@"(wolvic|librewolf)/([\w.]+)"),
        Browser(@"mobile vr; rv:([\w.]+)\).+firefox", "Firefox Reality"),
        BrowserCaptured(@"(seamonkey|k-meleon|icecat|iceape|palemoon|basilisk|waterfox)/([-\w.]+)$"),
        BrowserCaptured(@"(firefox)/([\w.]+)"),
        BrowserCaptured(@"(mozilla)/([\w.]+) .+rv:.+gecko/\d+"),
        BrowserCaptured(@"(dillo|icab|lynx|netsurf|obigo|w3m)[-/ ]?v?([\w.]+)"),
        BrowserCaptured(@"\b(links) \(([\w.]+)"),
    ];

    internal static readonly UaRule<UserAgentEngine>[] Engines =
    [
        new(@"windows.+ edge/([\w.]+)", m => new("EdgeHTML", m.G(1))),
        // Chrome 28 moved from WebKit to Blink; Chromium browsers keep the frozen WebKit/537.36 token.
        new(@"webkit/537\.36.+chrome/(?!27\.)([\w.]+)", m => new("Blink", m.G(1))),
        new(@"(presto|webkit|trident|netfront|netsurf|amaya|lynx|w3m|goanna|servo)/([\w.]+)", m => new(m.G(1), m.G(2))),
        new(@"(khtml|tasman|links)[/ ]\(?([\w.]+)", m => new(m.G(1), m.G(2))),
        new(@"rv:([\w.]{1,9})\b.+(gecko)", m => new(m.G(2), m.G(1))),
    ];

    internal static readonly UaRule<UserAgentOs>[] OperatingSystems =
    [
        new(@"(windows (?:phone(?: os)?|mobile|iot))[/ ]?([\d.\w ]*)", m => new(m.G(1), WindowsVersion(m.G(2)))),
        new(@"windows nt 6\.2; (arm)", m => new("Windows", WindowsVersion(m.G(1)))),
        // Consoles run Windows too; they are named by the Xbox rule below instead.
        new(@"windows[/ ]([ntce\d. ]+\w)(?!.+xbox)", m => new("Windows", WindowsVersion(m.G(1)))),
        new(@"(?:win(?=3|9|n)|win 9x )([nt\d.]+)", m => new("Windows", WindowsVersion(m.G(1)))),
        new(@"\bip(?:hone|ad|od)\b(?:.*os (\w+) like mac|; opera)", m => new("iOS", m.G(1).Replace('_', '.'))),
        new(@"(?:ios;fbsv/|iphone.+ios[/ ])([\d.]+)", m => new("iOS", m.G(1))),
        new(@"cfnetwork/.+darwin", _ => new("iOS", "")),
        // iPadOS in desktop mode sends a Macintosh header and is reported as Mac OS, as ua-parser-js does.
        new(@"mac os x ?([\w. ]*)", m => new("Mac OS", m.G(1).Replace('_', '.'))),
        new(@"(?:macintosh|mac_powerpc\b)(?!.+haiku)", _ => new("Mac OS", "")),
        new(@"droid ([\w.]+)\b.+(android[- ]x86|harmonyos)", m => new(m.G(2), m.G(1))),
        OsCaptured(@"(android|bada|blackberry|kaios|maemo|meego|openharmony|qnx|rim tablet os|sailfish|series40|symbian|tizen|webos)\w*[-/; ]?([\d.]*)"),
        new(@"watch(?: ?os[,/]|\d,\d/)([\d.]+)", m => new("watchOS", m.G(1))),
        new(@"crkey/([\d.]+)", m => new("Chromecast", m.G(1))),
        new(@"cros \w+(?:\)| ([\w.]+)\b)", m => new("Chromium OS", m.G(1))),
        OsCaptured(@"(nintendo|playstation) ([wids345portablevuch]+)"),
        OsCaptured(@"(xbox); +xbox ([^);]+)"),
        OsCaptured(@"(mint)[/() ]?(\w*)"),
        OsCaptured(@"([kxln]?ubuntu|debian|suse|opensuse|gentoo|arch(?= linux)|slackware|fedora|centos|red ?hat|raspbian|manjaro|elementary os)"
            + @"(?: gnu/linux)?(?: enterprise)?(?:[- ]linux)?(?:-gnu)?[-/ ]?(?!chrom|package)([-\w.]*)"),
        // The CPU token after "Linux" is an architecture, not a version.
        OsCaptured(@"(linux)(?: arm\w*| x86\w*| ?)([\w.]*)"),
        OsCaptured(@"\b([-frentopcghs]{0,5}bsd|dragonfly)[/ ]?(?!amd|[ix346]{1,2}86)([\w.]*)"),
        new(@"(sunos) ?([\w.]*)", m => new("Solaris", m.G(2))),
        OsCaptured(@"\b(fuchsia|haiku|unix)\b ?([\w.]*)"),
    ];

    internal static readonly UaRule<UserAgentCpu>[] Cpus =
    [
        Cpu(@"\b(?:amd|x|x86[-_]?|wow|win)64\b", "amd64"),
        Cpu(@"ia32(?=;)|\b(?:i[346]|x)86(?:pc)?\b", "ia32"),
        Cpu(@"\b(?:aarch64|arm(?:v?[89]e?l?|_?64))\b", "arm64"),
        Cpu(@"\barm(?:v[67])?ht?n?[fl]p?\b", "armhf"),
        // Windows CE devices say "PPC" for Pocket PC, which is an ARM machine, not PowerPC.
        Cpu(@" (?:ce|mobile); ppc;|/[\w.]+arm\b", "arm"),
        new(@"((?:ppc|powerpc)(?:64)?)(?: mac|;|\))", m => new(m.G(1).ToLowerInvariant().Replace("ower", "", StringComparison.Ordinal))),
        Cpu(@" sun4\w[;)]", "sparc"),
        new(@"\b(avr32|ia64(?=;)|68k(?=\))|\barm(?=v(?:[1-7]|[5-7]1)l?|;|eabi)|(?:irix|mips|sparc)(?:64)?\b|pa-risc)", m => new(m.G(1).ToLowerInvariant())),
    ];

    // Checked in this order with a substring test, as ua-parser-js does, so "NT 10.0" is not read as "NT 1".
    private static readonly (string Token, string Version)[] WindowsVersions =
    [
        ("4.90", "ME"), ("NT3.51", "NT 3.11"), ("NT4.0", "NT 4.0"), ("NT 5.0", "2000"),
        ("NT 5.1", "XP"), ("NT 5.2", "XP"), ("NT 6.0", "Vista"), ("NT 6.1", "7"), ("NT 6.2", "8"),
        ("NT 6.3", "8.1"), ("NT 6.4", "10"), ("NT 10.0", "10"), ("ARM", "RT"),
    ];

    private static string WindowsVersion(string raw)
    {
        foreach (var (token, version) in WindowsVersions)
        {
            if (raw.Contains(token, StringComparison.OrdinalIgnoreCase))
                return version;
        }

        return raw;
    }

    private static UserAgentBrowser B(string name, string version) => new(name, version, UaRule.Major(version));

    private static UaRule<UserAgentBrowser> Browser(string pattern, string name) => new(pattern, m => B(name, m.G(1)));

    private static UaRule<UserAgentBrowser> BrowserCaptured(string pattern) => new(pattern, m => B(m.G(1), m.G(2)));

    private static UaRule<UserAgentOs> OsCaptured(string pattern) => new(pattern, m => new(m.G(1), m.G(2)));

    private static UaRule<UserAgentCpu> Cpu(string pattern, string architecture) => new(pattern, _ => new(architecture));
}
