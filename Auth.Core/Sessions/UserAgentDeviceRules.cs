namespace Auth.Core.Sessions;

/// <summary>
/// Device table, ordered and named as ua-parser-js 1.0.x does: vendor model codes first (tablet
/// codes before phone codes of the same vendor), then TVs, consoles and wearables, and only then
/// the generic Android and "Mobile"/"Tablet" token rules, which would otherwise swallow everything.
/// </summary>
internal static class UserAgentDeviceRules
{
    private const string Mobile = "mobile";
    private const string Tablet = "tablet";
    private const string SmartTv = "smarttv";
    private const string Console = "console";
    private const string Wearable = "wearable";

    internal static readonly UaRule<UserAgentDevice>[] Devices =
    [
        // Samsung Galaxy Tab codes share the SM- prefix with phones, so they go first.
        Model(@"\b(sch-i[89]0\d|shw-m380s|sm-[ptx]\w{2,4}|gt-[pn]\d{2,4}|sgh-t8[56]9|nexus 10)", "Samsung", Tablet),
        Model(@"\b((?:s[cgp]h|gt|sm)-(?![lr])\w+|sc[g-]?\d+a?|galaxy nexus)", "Samsung", Mobile),
        Model(@"samsung[- ]((?!sm-[lr])[-\w]+)", "Samsung", Mobile),
        Model(@"sec-(sgh\w+)", "Samsung", Mobile),

        Model(@"(?:/|\()(ip(?:hone|od)[\w, ]*)(?:/|;)", "Apple", Mobile),
        Model(@"\((ipad);[-\w),; ]+apple", "Apple", Tablet),
        Model(@"applecoremedia/[\w.]+ \((ipad)", "Apple", Tablet),
        Model(@"\b(ipad)\d\d?,\d\d?[;\]].+ios", "Apple", Tablet),
        Model(@"(macintosh);", "Apple", ""),

        Model(@"honor([-\w ]+)[;)]", "Honor", Mobile),
        Model(@"\b((?:ag[rs][2356]?k?|bah[234]?|bg[2o]|bt[kv]|cmr|cpn|db[ry]2?|jdn2|got|kob2?k?|mon|pce|scm|sht?|[tw]gr|vrd)"
            + @"-[ad]?[lw][0125][09]b?|mediapad[\w. ]*(?= bui|\)))\b(?!.+d/s)", "Huawei", Tablet),
        Model(@"huawei([-\w ]+)[;)]", "Huawei", Mobile),
        Model(@"\b(nexus 6p|\w{2,4}e?-[atu]?[ln][\dx][012359c][adn]?)\b(?!.+d/s)", "Huawei", Mobile),

        Xiaomi(@"oid[^)]+; (2[\dbc]{4}(?:182|283|rp\w{2})[cgl]|m2105k81a?c)(?: bui|\))", Tablet),
        Xiaomi(@"\b((?:red)?mi[-_ ]?pad[\w- ]*)(?: bui|\))", Tablet),
        Xiaomi(@"\b(poco[\w ]+|m2\d{3}j\d\d[a-z]{2})(?: bui|\))", Mobile),
        Xiaomi(@"\b(hm[-_ ]?note?[_ ]?(?:\d\w)?) bui", Mobile),
        Xiaomi(@"\b(redmi[-_ ]?(?:note|k)?[\w ]+)(?: bui|\))", Mobile),
        Xiaomi(@"oid[^)]+; (m?[12][0-389][01]\w{3,6}[c-y])(?: bui|; wv|\))", Mobile),
        Xiaomi(@"\b(mi[-_ ]?(?:a\d|one|one[_ ]plus|note lte|max|cc)?[_ ]?(?:\d?\w?)[_ ]?(?:plus|se|lite|pro)?)(?: bui|\))", Mobile),

        Model(@"; (\w+) bui.+ oppo", "OPPO", Mobile),
        Model(@"\b(cph[12]\d{3}|p(?:af|c[al]|d\w|e[ar])[mt]\d0|x9007|a101op)\b", "OPPO", Mobile),
        Model(@"vivo (\w+)(?: bui|\))", "Vivo", Mobile),
        Model(@"\b(v[12]\d{3}\w?[at])(?: bui|;)", "Vivo", Mobile),
        Model(@"\b(rmx[1-3]\d{3})(?: bui|;|\))", "Realme", Mobile),

        Model(@"\bmot(?:orola)?[- ](\w*)", "Motorola", Mobile),
        Model(@"((?:moto(?! 360)[\w() ]+|xt\d{3,4}|nexus 6)(?= bui|\)))", "Motorola", Mobile),
        Model(@"(lm(?:-?f100[nv]?|-[\w.]+)(?= bui|\))|nexus [45])", "LG", Mobile),
        Model(@"\blg[-e;/ ]+((?!browser|netcast|android tv|watch)\w+)", "LG", Mobile),
        Model(@"lenovo ?(b[68]0[08]0-?[hf]?|tab(?:[\w- ]+?)|tb[\w-]{6,7})(?: bui|;|\)|/)", "Lenovo", Tablet),
        Nokia(@"(?:maemo|nokia).*(n900|lumia \d+|rm-\d+)"),
        Nokia(@"nokia[-_ ]?([-\w. ]*)"),

        Model(@"(pixel (?:c|tablet))\b", "Google", Tablet),
        // Only bare Pixel numbers and a/xl suffixes: "Pixel 8 Pro" is left to the generic rule, as upstream.
        Model(@"droid.+; (pixel[\daxl ]{0,6})(?: bui|\))", "Google", Mobile),
        Model(@"droid.+; (a?\d[0-2]{2}so|[c-g]\d{4}|so[-gl]\w+|xq-a\w[4-7][12])(?= bui|\).+chrome/(?![1-6]?\d\.))", "Sony", Mobile),
        Model(@" (kb2005|in20[12]5|be20[12][59])\b", "OnePlus", Mobile),
        Model(@"(?:one)?(?:plus)? (a\d0\d\d)(?: b|\))", "OnePlus", Mobile),
        Model(@"(kf[a-z]{2}wi|aeo(?!bc)\w\w)(?: bui|\))", "Amazon", Tablet),
        Model(@"(kf[a-z]+)(?: bui|\)).+silk/", "Amazon", Tablet),
        Model(@" (z[bes]6[027][012][km][ls]|zenfone \d\w?)\b", "ASUS", Mobile),
        Model(@"droid.+; (a(?:015|06[35]|142p?))", "Nothing", Mobile),
        Model(@"(surface duo)", "Microsoft", Tablet),

        // These name the vendor in the header itself; keep its spelling, as upstream does.
        VendorModel(@"(htc)[-;_ ]{1,2}([\w ]+(?=\)| bui)|\w+)", Mobile),
        VendorModel(@"(zte)[- ]([\w ]+?)(?: bui|/|\))", Mobile),
        VendorModel(@"(blackberry|benq|palm(?=-)|sonyericsson|acer|asus(?! zenw)|dell|jolla|meizu|motorola|polytron|infinix|tecno|micromax|advan)[-_ ]?([-\w]*)", Mobile),
        VendorModel(@"(microsoft); (lumia[\w ]+)", Mobile),
        VendorModel(@"(lenovo)[-_ ]?([-\w ]+?)(?: bui|\)|/)", Mobile),
        VendorModel(@"(kindle)/([\w.]+)", Tablet),

        new(@"smart-tv.+(samsung)", m => Device("", m.G(1), SmartTv)),
        new(@"hbbtv.+maple;(\d+)", m => Device("SmartTV" + m.G(1), "Samsung", SmartTv)),
        new(@"nux; netcast.+smarttv|lg (?:netcast\.tv-201\d|android tv)", _ => Device("", "LG", SmartTv)),
        new(@"(apple) ?tv", m => Device("Apple TV", m.G(1), SmartTv)),
        new(@"crkey", _ => Device("Chromecast", "Google", SmartTv)),
        Model(@"droid.+aft(\w+)(?: bui|\))", "Amazon", SmartTv),
        Model(@"(shield \w+ tv)", "Nvidia", SmartTv),
        Model(@"(bravia[\w ]+)(?: bui|\))", "Sony", SmartTv),
        Model(@"(mi(?:tv|box)-?\w+) bui", "Xiaomi", SmartTv),
        new(@"\b(?:roku)[\dx]*[)/]((?:dvp-)?[\d.]*)", m => Device(m.G(1), "Roku", SmartTv)),
        Model(@"droid.+; ([\w- ]+) (?:android tv|smart[- ]?tv)", "", SmartTv),
        new(@"\b(?:android tv|smart[- ]?tv|opera tv|tv; rv:)\b", _ => Device("", "", SmartTv)),

        VendorModel(@"(nintendo) ([wids3utch]+)", Console),
        Model(@"droid.+; (shield)(?: bui|\))", "Nvidia", Console),
        Model(@"(playstation \w+)", "Sony", Console),
        Model(@"\b(xbox(?: one)?(?!; xbox))[); ]", "Microsoft", Console),

        Model(@"\b(sm-[lr]\d\d[0156][fnuw]?s?|gear live)\b", "Samsung", Wearable),
        Model(@"(watch)(?: ?os[,/]|\d,\d/)[\d.]+", "Apple", Wearable),
        Model(@"droid.+; (glass) \d", "Google", Wearable),
        Model(@"; (quest(?: \d| pro)?)", "Facebook", Wearable),

        // Unknown Android vendors: a phone says "Mobile Safari", a tablet plain "Safari".
        Model(@"droid .+?; ([^;]+?)(?: bui|; wv\)|\) applew).+? mobile safari", "", Mobile),
        Model(@"droid .+?; ([^;]+?)(?: bui|\) applew).+? safari", "", Tablet),
        new(@"\b(?:tablet|tab)[;/]|focus/\d(?!.+mobile)", _ => Device("", "", Tablet)),
        new(@"phone|mobile(?:[;/]| [ \w/.]*safari)|pda(?=.+windows ce)", _ => Device("", "", Mobile)),
        Model(@"droid .+?; ([\w. -]+)(?: bui|\))", "Generic", ""),
    ];

    private static UserAgentDevice Device(string model, string vendor, string type) =>
        new(Model: model, Type: type, Vendor: vendor);

    private static UaRule<UserAgentDevice> Model(string pattern, string vendor, string type) =>
        new(pattern, m => Device(m.G(1), vendor, type));

    private static UaRule<UserAgentDevice> VendorModel(string pattern, string type) =>
        new(pattern, m => Device(m.G(2).Replace('_', ' '), m.G(1), type));

    private static UaRule<UserAgentDevice> Nokia(string pattern) =>
        new(pattern, m => Device(m.G(1).Replace('_', ' '), "Nokia", Mobile));

    private static UaRule<UserAgentDevice> Xiaomi(string pattern, string type) =>
        new(pattern, m => Device(m.G(1).Replace('_', ' '), "Xiaomi", type));
}
