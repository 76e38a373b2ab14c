using Auth.Core.Sessions;

namespace Auth.Core.Tests.Sessions;

/// <summary>A real header and what ua-parser-js 1.0.x reports for it.</summary>
public sealed record UserAgentCase(
    string Name,
    string Ua,
    UserAgentBrowser Browser,
    UserAgentEngine Engine,
    UserAgentOs Os,
    UserAgentDevice Device,
    UserAgentCpu Cpu);

/// <summary>
/// Headers captured from 2023–2025 browsers. Expectations follow ua-parser-js 1.0.x, including its
/// quirks: Windows 11 still says "NT 10.0" (so "10"), macOS is frozen at 10_15_7, Chrome on Android
/// sends the reduced "Android 10; K" model, and iPadOS desktop mode is indistinguishable from a Mac.
/// </summary>
internal static class UserAgentCases
{
    private static readonly UserAgentDevice NoDevice = new("", "", "");
    private static readonly UserAgentDevice Mac = new("Macintosh", "", "Apple");
    private static readonly UserAgentDevice IPhone = new("iPhone", "mobile", "Apple");
    private static readonly UserAgentDevice IPad = new("iPad", "tablet", "Apple");
    private static readonly UserAgentDevice ReducedAndroidPhone = new("K", "mobile", "");
    private static readonly UserAgentDevice ReducedAndroidTablet = new("K", "tablet", "");
    private static readonly UserAgentCpu NoCpu = new("");
    private static readonly UserAgentCpu Amd64 = new("amd64");
    private static readonly UserAgentEngine IosWebKit = new("WebKit", "605.1.15");

    internal static readonly UserAgentCase[] All =
    [
        // Chrome
        new("Parse_ChromeOnWindows_ReturnsBlinkWindows10Amd64",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
            new("Chrome", "124.0.0.0", "124"), new("Blink", "124.0.0.0"), new("Windows", "10"), NoDevice, Amd64),
        new("Parse_ChromeOnWindows7_ReturnsWindows7",
            "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36",
            new("Chrome", "109.0.0.0", "109"), new("Blink", "109.0.0.0"), new("Windows", "7"), NoDevice, Amd64),
        new("Parse_ChromeOnMac_ReturnsBlinkMacOsMacintosh",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            new("Chrome", "131.0.0.0", "131"), new("Blink", "131.0.0.0"), new("Mac OS", "10.15.7"), Mac, NoCpu),
        new("Parse_ChromeOnLinux_ReturnsBlinkLinuxAmd64",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            new("Chrome", "126.0.0.0", "126"), new("Blink", "126.0.0.0"), new("Linux", ""), NoDevice, Amd64),
        new("Parse_ChromeOnLinuxArm64_ReturnsArm64",
            "Mozilla/5.0 (X11; Linux aarch64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
            new("Chrome", "124.0.0.0", "124"), new("Blink", "124.0.0.0"), new("Linux", "aarch64"), NoDevice, new("arm64")),
        new("Parse_ChromeOnRaspberryPi_ReturnsArm",
            "Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
            new("Chrome", "122.0.0.0", "122"), new("Blink", "122.0.0.0"), new("Linux", ""), NoDevice, new("arm")),
        new("Parse_ChromeOnChromeOs_ReturnsChromiumOsAmd64",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
            new("Chrome", "125.0.0.0", "125"), new("Blink", "125.0.0.0"), new("Chromium OS", "14541.0.0"), NoDevice, Amd64),
        new("Parse_ChromeOnAndroidPhone_ReturnsMobile",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
            new("Chrome", "124.0.6367.82", "124"), new("Blink", "124.0.6367.82"), new("Android", "10"), ReducedAndroidPhone, NoCpu),
        new("Parse_ChromeOnAndroidTablet_ReturnsTablet",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Safari/537.36",
            new("Chrome", "124.0.6367.82", "124"), new("Blink", "124.0.6367.82"), new("Android", "10"), ReducedAndroidTablet, NoCpu),
        new("Parse_ChromeOnIPhone_ReturnsChromeWebKitIos",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1",
            new("Chrome", "124.0.6367.88", "124"), IosWebKit, new("iOS", "17.4"), IPhone, NoCpu),
        new("Parse_ChromeOnIPad_ReturnsTablet",
            "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1",
            new("Chrome", "124.0.6367.88", "124"), IosWebKit, new("iOS", "17.4"), IPad, NoCpu),
        new("Parse_ChromeWebViewOnPixel_ReturnsWebViewGooglePixel",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP1A.240405.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36",
            new("Chrome WebView", "124.0.6367.82", "124"), new("Blink", "124.0.6367.82"), new("Android", "14"), new("Pixel 8", "mobile", "Google"), NoCpu),
        new("Parse_ChromeWebViewOnGalaxy_ReturnsSamsungModel",
            "Mozilla/5.0 (Linux; Android 14; SM-A546B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36",
            new("Chrome WebView", "124.0.6367.82", "124"), new("Blink", "124.0.6367.82"), new("Android", "14"), new("SM-A546B", "mobile", "Samsung"), NoCpu),
        new("Parse_HeadlessChromeOnLinux_ReturnsChromeHeadless",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.6367.60 Safari/537.36",
            new("Chrome Headless", "124.0.6367.60", "124"), new("Blink", "124.0.6367.60"), new("Linux", ""), NoDevice, Amd64),

        // Edge
        new("Parse_EdgeOnWindows_ReturnsEdgeBlink",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80",
            new("Edge", "124.0.2478.80", "124"), new("Blink", "124.0.0.0"), new("Windows", "10"), NoDevice, Amd64),
        new("Parse_EdgeOnMac_ReturnsEdgeMacOs",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
            new("Edge", "130.0.0.0", "130"), new("Blink", "130.0.0.0"), new("Mac OS", "10.15.7"), Mac, NoCpu),
        new("Parse_EdgeOnAndroid_ReturnsEdgeMobile",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 EdgA/124.0.2478.64",
            new("Edge", "124.0.2478.64", "124"), new("Blink", "124.0.0.0"), new("Android", "10"), ReducedAndroidPhone, NoCpu),
        new("Parse_EdgeOnIPhone_ReturnsEdgeWebKitIos",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/124.0.2478.89 Mobile/15E148 Safari/605.1.15",
            new("Edge", "124.0.2478.89", "124"), IosWebKit, new("iOS", "17.4"), IPhone, NoCpu),

        // Firefox
        new("Parse_FirefoxOnWindows_ReturnsGeckoWindows10Amd64",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
            new("Firefox", "125.0", "125"), new("Gecko", "125.0"), new("Windows", "10"), NoDevice, Amd64),
        new("Parse_FirefoxOnMac_ReturnsGeckoMacOs",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0",
            new("Firefox", "128.0", "128"), new("Gecko", "128.0"), new("Mac OS", "10.15"), Mac, NoCpu),
        new("Parse_FirefoxOnLinux_ReturnsGeckoLinuxAmd64",
            "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            new("Firefox", "125.0", "125"), new("Gecko", "125.0"), new("Linux", ""), NoDevice, Amd64),
        new("Parse_FirefoxOnUbuntu_ReturnsUbuntu",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
            new("Firefox", "126.0", "126"), new("Gecko", "126.0"), new("Ubuntu", ""), NoDevice, Amd64),
        new("Parse_FirefoxEsrOn32BitLinux_ReturnsIa32",
            "Mozilla/5.0 (X11; Linux i686; rv:115.0) Gecko/20100101 Firefox/115.0",
            new("Firefox", "115.0", "115"), new("Gecko", "115.0"), new("Linux", "i686"), NoDevice, new("ia32")),
        new("Parse_FirefoxOnAndroidPhone_ReturnsMobileWithoutModel",
            "Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0",
            new("Firefox", "125.0", "125"), new("Gecko", "125.0"), new("Android", "14"), new("", "mobile", ""), NoCpu),
        new("Parse_FirefoxOnAndroidTablet_ReturnsTablet",
            "Mozilla/5.0 (Android 14; Tablet; rv:125.0) Gecko/125.0 Firefox/125.0",
            new("Firefox", "125.0", "125"), new("Gecko", "125.0"), new("Android", "14"), new("", "tablet", ""), NoCpu),
        new("Parse_FirefoxOnIPhone_ReturnsFirefoxWebKitIos",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/125.0 Mobile/15E148 Safari/605.1.15",
            new("Firefox", "125.0", "125"), IosWebKit, new("iOS", "17.4.1"), IPhone, NoCpu),

        // Safari
        new("Parse_SafariOnMac_ReturnsWebKitMacOs",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
            new("Safari", "17.4.1", "17"), new("WebKit", "605.1.15"), new("Mac OS", "10.15.7"), Mac, NoCpu),
        new("Parse_SafariOnIPhone_ReturnsMobileSafariIos",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            new("Mobile Safari", "17.4", "17"), IosWebKit, new("iOS", "17.4"), IPhone, NoCpu),
        new("Parse_SafariOnIos18_ReturnsIos18",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            new("Mobile Safari", "18.1", "18"), IosWebKit, new("iOS", "18.1"), IPhone, NoCpu),
        new("Parse_SafariOnIPad_ReturnsTablet",
            "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            new("Mobile Safari", "17.4", "17"), IosWebKit, new("iOS", "17.4"), IPad, NoCpu),
        new("Parse_SafariOnIPadDesktopMode_ReturnsMacOsLikeUaParserJs",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            new("Safari", "18.1", "18"), new("WebKit", "605.1.15"), new("Mac OS", "10.15.7"), Mac, NoCpu),

        // Samsung Internet
        new("Parse_SamsungInternetOnGalaxyPhone_ReturnsSamsungModel",
            "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
            new("Samsung Internet", "24.0", "24"), new("Blink", "117.0.0.0"), new("Android", "14"), new("SM-S918B", "mobile", "Samsung"), NoCpu),
        new("Parse_SamsungInternetReducedUa_ReturnsMobile",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
            new("Samsung Internet", "26.0", "26"), new("Blink", "122.0.0.0"), new("Android", "10"), ReducedAndroidPhone, NoCpu),
        new("Parse_SamsungInternetOnGalaxyTab_ReturnsTablet",
            "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36",
            new("Samsung Internet", "23.0", "23"), new("Blink", "115.0.0.0"), new("Android", "13"), new("SM-X710", "tablet", "Samsung"), NoCpu),

        // Opera
        new("Parse_OperaOnWindows_ReturnsOperaBlink",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 OPR/110.0.0.0",
            new("Opera", "110.0.0.0", "110"), new("Blink", "124.0.0.0"), new("Windows", "10"), NoDevice, Amd64),
        new("Parse_OperaOnMac_ReturnsOperaMacOs",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 OPR/108.0.0.0",
            new("Opera", "108.0.0.0", "108"), new("Blink", "122.0.0.0"), new("Mac OS", "10.15.7"), Mac, NoCpu),
        new("Parse_OperaOnLinux_ReturnsOperaLinux",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 OPR/110.0.0.0",
            new("Opera", "110.0.0.0", "110"), new("Blink", "124.0.0.0"), new("Linux", ""), NoDevice, Amd64),
        new("Parse_OperaOnAndroid_ReturnsOperaMobile",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 OPR/79.0.4195.76745",
            new("Opera", "79.0.4195.76745", "79"), new("Blink", "119.0.0.0"), new("Android", "10"), ReducedAndroidPhone, NoCpu),

        // Other vendors and device types
        new("Parse_HuaweiBrowserOnHarmonyOs_ReturnsHuaweiModel",
            "Mozilla/5.0 (Linux; Android 10; HarmonyOS; ELS-NX9; HMSCore 6.13.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.196 HuaweiBrowser/14.0.5.303 Mobile Safari/537.36",
            new("Huawei Browser", "14.0.5.303", "14"), new("Blink", "114.0.5735.196"), new("HarmonyOS", "10"), new("ELS-NX9", "mobile", "Huawei"), NoCpu),
        new("Parse_MiuiBrowserOnRedmi_ReturnsXiaomiModel",
            "Mozilla/5.0 (Linux; U; Android 13; en-gb; 2201117TG Build/TKQ1.221114.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/112.0.5615.136 Mobile Safari/537.36 XiaoMi/MiuiBrowser/14.6.0-gn",
            new("MIUI Browser", "14.6.0", "14"), new("Blink", "112.0.5615.136"), new("Android", "13"), new("2201117TG", "mobile", "Xiaomi"), NoCpu),
        new("Parse_ChromeWebViewOnOnePlus_ReturnsOnePlusModel",
            "Mozilla/5.0 (Linux; Android 13; ONEPLUS A6013 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36",
            new("Chrome WebView", "124.0.6367.82", "124"), new("Blink", "124.0.6367.82"), new("Android", "13"), new("A6013", "mobile", "OnePlus"), NoCpu),
        new("Parse_SilkOnFireTablet_ReturnsAmazonTablet",
            "Mozilla/5.0 (Linux; Android 11; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/124.3.1 like Chrome/124.0.6367.179 Safari/537.36",
            new("Silk", "124.3.1", "124"), new("Blink", "124.0.6367.179"), new("Android", "11"), new("KFTRWI", "tablet", "Amazon"), NoCpu),
        new("Parse_ChromecastWithGoogleTv_ReturnsSmartTv",
            "Mozilla/5.0 (Linux; Android 12.0; Build/STTL.240206.002) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 CrKey/1.56.500000 DeviceType/AndroidTV",
            new("Chrome", "114.0.0.0", "114"), new("Blink", "114.0.0.0"), new("Android", "12.0"), new("Chromecast", "smarttv", "Google"), NoCpu),
        new("Parse_SamsungTizenTv_ReturnsSmartTv",
            "Mozilla/5.0 (SMART-TV; LINUX; Tizen 7.0) AppleWebKit/537.36 (KHTML, like Gecko) 94.0.4606.31/7.0 TV Safari/537.36",
            new("Safari", "", ""), new("WebKit", "537.36"), new("Tizen", "7.0"), new("", "smarttv", ""), NoCpu),
        new("Parse_EdgeOnXbox_ReturnsEdgeHtmlConsole",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; Xbox; Xbox One) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
            new("Edge", "18.19041", "18"), new("EdgeHTML", "18.19041"), new("Xbox", "One"), new("Xbox One", "console", "Microsoft"), Amd64),
        new("Parse_PlayStation5_ReturnsSonyConsole",
            "Mozilla/5.0 (PlayStation; PlayStation 5/2.26) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0 Safari/605.1.15",
            new("Safari", "13.0", "13"), new("WebKit", "605.1.15"), new("PlayStation", "5"), new("PlayStation 5", "console", "Sony"), NoCpu),
        new("Parse_OculusBrowserOnQuest3_ReturnsWearable",
            "Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/31.4.0.6.55.613470834 SamsungBrowser/4.0 Chrome/120.0.6099.283 VR Safari/537.36",
            new("Oculus Browser", "31.4.0.6.55.613470834", "31"), new("Blink", "120.0.6099.283"), new("Linux", ""), new("Quest 3", "wearable", "Facebook"), Amd64),
    ];
}
