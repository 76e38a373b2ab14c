namespace Auth.Core.Sessions;

/// <summary>Issuer, audience and clock tolerance of session tokens.</summary>
public sealed record JwtOptions
{
    /// <summary>
    /// Upper bound on <see cref="ClockSkew"/>: the nodes of one deployment share a clock source, so a
    /// larger tolerance would only extend the life of stolen or revoked-by-expiry tokens.
    /// </summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>The <c>iss</c> claim, normally the runtime's public base URL.</summary>
    public string Issuer { get; init; } = "";

    /// <summary>The <c>aud</c> claim.</summary>
    public string Audience { get; init; } = "";

    /// <summary>Tolerance for <c>exp</c>/<c>nbf</c>; between zero and <see cref="MaxClockSkew"/>.</summary>
    public TimeSpan ClockSkew
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxClockSkew);
            field = value;
        }
    } = MaxClockSkew;
}
