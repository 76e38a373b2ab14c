namespace Auth.Core.Settings;

/// <summary>Second factors (authenticator-app codes); see docs/decisions/0014.</summary>
public sealed class MfaSettings
{
    public const int TotpIssuerMaxLength = 100;

    /// <summary>Users may enrol an authenticator app. Off: enrolment is refused, existing factors still guard sign-in.</summary>
    public bool Enabled { get; set; }

    /// <summary>Every user must have a second factor: sessions without one may only enrol (ADR 0014; needs <see cref="Enabled"/>).</summary>
    public bool Required { get; set; }

    /// <summary>The issuer shown in authenticator apps; null or blank means <c>app.name</c>.</summary>
    public string? TotpIssuer { get; set; }

    /// <summary>The issuer authenticator apps show for these settings.</summary>
    public static string IssuerFor(AuthSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Mfa.TotpIssuer) ? settings.App.Name : settings.Mfa.TotpIssuer.Trim();
}
