using Auth.Core.Data;

namespace Auth.Core;

/// <summary>Host configuration that the studio does not edit (appsettings / environment).</summary>
public sealed class AuthCoreOptions
{
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>The only origin used to build links and callback URLs; never taken from the Host header.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>
    /// Where <see cref="PublicBaseUrl"/> came from: <c>Runtime:PublicBaseUrl</c>, or the listening-URL key it
    /// was derived from (<c>urls</c>, <c>Kestrel:Endpoints:…</c>); see <see cref="PublicBaseUrlResolver"/>.
    /// </summary>
    public string PublicBaseUrlSource { get; set; } = PublicBaseUrlResolver.ConfiguredSource;

    /// <summary>How often each node looks for a newly published revision.</summary>
    public TimeSpan SettingsPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string? BootstrapOperatorEmail { get; set; }
    public string? BootstrapOperatorPassword { get; set; }

    /// <summary>
    /// <c>DataProtection:KeysPath</c>: the folder of the Data-Protection key ring (which protects settings
    /// secrets and signing keys). Default for SQLite: <c>&lt;name&gt;-keys</c> beside the database file.
    /// Nodes that share a database share this folder. See <see cref="KeyRing.KeyRingPlan"/>.
    /// </summary>
    public string? DataProtectionKeysPath { get; set; }

    /// <summary>
    /// <c>DataProtection:Key</c>: base64 of 32 random bytes that seals every key-ring element (AES-256-GCM).
    /// Without KeysPath the ring then stays in the database table, so nodes share it through the database.
    /// </summary>
    public string? DataProtectionKey { get; set; }

    /// <summary>
    /// A PKCS#12 file whose certificate encrypts the Data-Protection key ring at rest. Without KeysPath the
    /// ring then stays in the database table (every node needs the same certificate).
    /// </summary>
    public string? DataProtectionCertificatePath { get; set; }
    public string? DataProtectionCertificatePassword { get; set; }

    /// <summary>The <c>aud</c> of session and operator JWTs.</summary>
    public string JwtAudience { get; set; } = "auth-studio";
}
