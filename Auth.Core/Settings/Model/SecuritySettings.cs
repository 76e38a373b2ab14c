namespace Auth.Core.Settings;

/// <summary>
/// Password, lockout and rate-limit rules. The two protections default to off because
/// turning them on changes responses the Agnost client API documents.
/// </summary>
public sealed class SecuritySettings
{
    public const int PasswordMinLengthMin = 6;
    public const int PasswordMinLengthMax = 128;
    public const int PasswordMaxLengthMin = 64;
    public const int PasswordMaxLengthMax = 4096;
    public const int LockoutThresholdMin = 1;
    public const int LockoutThresholdMax = 100;
    public const int LockoutMinutesMin = 1;
    public const int LockoutMinutesMax = 1440;
    public const int IpRequestsPerMinuteMin = 1;
    public const int IpRequestsPerMinuteMax = 100_000;
    public const int SendCooldownSecondsMin = 0;
    public const int SendCooldownSecondsMax = 3600;
    public const int OtpMaxAttemptsMin = 1;
    public const int OtpMaxAttemptsMax = 10;
    public const int SmsPerNumberPerDayMin = 1;
    public const int SmsPerNumberPerDayMax = 1000;
    public const int SmsPerIpPerHourMin = 1;
    public const int SmsPerIpPerHourMax = 100_000;

    public int PasswordMinLength { get; set; } = 8;

    public int PasswordMaxLength { get; set; } = 64;

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int LockoutThreshold { get; set; } = 10;

    public int LockoutMinutes { get; set; } = 15;

    public int IpRequestsPerMinute { get; set; } = 60;

    /// <summary>Minimum gap between two messages sent to one e-mail address or phone.</summary>
    public int SendCooldownSeconds { get; set; } = 60;

    /// <summary>Wrong guesses allowed per SMS code before it is burnt.</summary>
    public int OtpMaxAttempts { get; set; } = 5;

    /// <summary>Texts one phone number may receive in a day (a fixed 24-hour window from its first text).</summary>
    public int SmsPerNumberPerDay { get; set; } = 10;

    /// <summary>Texts one client IP address may cause in an hour (sign-ups, resends, sign-in and reset codes).</summary>
    public int SmsPerIpPerHour { get; set; } = 20;

    /// <summary>When on, responses no longer reveal whether an account exists.</summary>
    public bool EnumerationProtection { get; set; }

    /// <summary>When on, e-mailed links need a confirming click so mail scanners can't consume them.</summary>
    public bool LinkScannerProtection { get; set; }
}
