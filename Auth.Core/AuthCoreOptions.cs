using Auth.Core.Data;

namespace Auth.Core;

/// <summary>Host configuration that the studio does not edit (appsettings / environment).</summary>
public sealed class AuthCoreOptions
{
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>The only origin used to build links and callback URLs; never taken from the Host header.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How often each node looks for a newly published revision.</summary>
    public TimeSpan SettingsPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string? BootstrapOperatorEmail { get; set; }
    public string? BootstrapOperatorPassword { get; set; }

    /// <summary>
    /// A PKCS#12 file whose certificate encrypts the Data-Protection key ring at rest. Without it the keys
    /// sit in the database unencrypted, so a copy of the database is enough to read the settings secrets.
    /// </summary>
    public string? DataProtectionCertificatePath { get; set; }
    public string? DataProtectionCertificatePassword { get; set; }

    /// <summary>The <c>aud</c> of session and operator JWTs.</summary>
    public string JwtAudience { get; set; } = "auth-studio";
}
