namespace Auth.Core.Messaging;

/// <summary>How an SMS will be split: GSM-7 when every character fits, else UCS-2.</summary>
public sealed record SmsSegmentInfo(string Encoding, int Segments, int Characters);

/// <summary>
/// Counts SMS segments as carriers do: GSM 03.38 (160 septets, 153 per part when concatenated;
/// extension characters such as € take two) or UCS-2 (70 UTF-16 units, 67 per part).
/// </summary>
public static class SmsSegments
{
    public const string Gsm7 = "GSM-7";
    public const string Ucs2 = "UCS-2";

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static SmsSegmentInfo Count(string? text)
    {
        text ??= "";
        var septets = 0;
        var gsm = true;
        foreach (var c in text)
        {
            if (BasicSet.Contains(c)) septets += 1;
            else if (ExtensionSet.Contains(c)) septets += 2;
            else
            {
                gsm = false;
                break;
            }
        }

        if (gsm)
            return new SmsSegmentInfo(Gsm7, Segments(septets, 160, 153), text.Length);
        return new SmsSegmentInfo(Ucs2, Segments(text.Length, 70, 67), text.Length);
    }

    private static int Segments(int units, int single, int perPart) =>
        units == 0 ? 0 : units <= single ? 1 : (units + perPart - 1) / perPart;
}
