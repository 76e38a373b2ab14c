using QRCoder;

namespace Auth.Core.Mfa;

/// <summary>The otpauth:// URI authenticator apps import (Key Uri Format), and the same as an SVG QR code.</summary>
public static class TotpEnrollmentUri
{
    public static string Build(string issuer, string account, string base32Secret)
    {
        // A colon separates issuer from account in the label; the setting forbids it, the app name may not.
        var cleanIssuer = issuer.Replace(':', ' ').Trim();
        var label = $"{Uri.EscapeDataString(cleanIssuer)}:{Uri.EscapeDataString(account)}";
        return $"otpauth://totp/{label}?secret={base32Secret}&issuer={Uri.EscapeDataString(cleanIssuer)}" +
               $"&algorithm=SHA1&digits={TotpCodes.Digits}&period={TotpCodes.StepSeconds}";
    }

    public static string QrCodeSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
