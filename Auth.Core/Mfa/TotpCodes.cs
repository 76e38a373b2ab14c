using OtpNet;

namespace Auth.Core.Mfa;

/// <summary>RFC 6238 codes as authenticator apps make them: SHA-1, 6 digits, 30-second steps, one step of drift either way.</summary>
public sealed class TotpCodes(TimeProvider time)
{
    public const int StepSeconds = 30;
    public const int Digits = 6;
    public const int SecretBytes = 20;

    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(SecretBytes);

    public static string Base32(byte[] secret) => Base32Encoding.ToString(secret);

    /// <summary>The time step whose code <paramref name="code"/> is (now, or one step either side); null when it is none of them.</summary>
    public long? MatchStep(byte[] secret, string? code)
    {
        var digits = Normalize(code);
        if (digits is null) return null;
        var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, digits, out var step, Drift) ? step : null;
    }

    /// <summary>Apps show "123 456"; the spaces are not part of the code.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null) return null;
        var digits = code.Replace(" ", "", StringComparison.Ordinal);
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
