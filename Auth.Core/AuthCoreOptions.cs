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

    /// <summary>The <c>aud</c> of session and operator JWTs.</summary>
    public string JwtAudience { get; set; } = "auth-studio";
}
