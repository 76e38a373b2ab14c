namespace Auth.Core.Settings;

/// <summary>Session lifetime and the signed access tokens.</summary>
public sealed class SessionsSettings
{
    public const int LifetimeDaysMin = 1;
    public const int LifetimeDaysMax = 365;
    public const int IdleTimeoutMinutesMin = 5;
    public const int IdleTimeoutMinutesMax = 43_200;
    public const int AccessTokenExpiresInMin = 30;
    public const int AccessTokenExpiresInMax = 3600;

    /// <summary>The only signing algorithm implemented; kept as a setting so the JSON can grow.</summary>
    public const string Es256 = "ES256";

    public int LifetimeDays { get; set; } = 30;

    /// <summary>Null turns the idle timeout off (the default).</summary>
    public int? IdleTimeoutMinutes { get; set; }

    /// <summary>Seconds an <c>at-…</c> grant token stays valid.</summary>
    public int AccessTokenExpiresIn { get; set; } = 300;

    public string JwtAlgorithm { get; set; } = Es256;
}
