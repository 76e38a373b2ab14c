using Auth.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Auth.TestKit.Hosting;

/// <summary>The real app (Studio.Web's Program) over a real database, with time under the test's control.</summary>
public sealed class AuthAppFactory(DatabaseTarget database, FakeTimeProvider time, params IInterceptor[] interceptors)
    : WebApplicationFactory<Program>
{
    public const string OperatorEmail = "operator@example.test";
    public const string OperatorPassword = "operator-password-1";
    public const string DefaultPublicBaseUrl = "http://auth.test";
    private const string SqlServerKeyRingKey = "dGVzdC1vbmx5LWtleS1yaW5nLWtleS0zMi1ieXRlcyE=";

    public FakeTimeProvider Time { get; } = time;

    /// <summary>False leaves the database without an operator, as on a real first start.</summary>
    public bool BootstrapOperator { get; init; } = true;

    public string? SettingsPollInterval { get; init; }

    /// <summary>Extra host configuration (e.g. DataProtection:Key), applied like appsettings.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Runtime:PublicBaseUrl; a browser test sets the real Kestrel address so OAuth callbacks reach it.
    /// Null leaves it unset, so the host takes it from its listening URL.
    /// </summary>
    public string? PublicBaseUrl { get; init; } = DefaultPublicBaseUrl;

    /// <summary>Sees the host's log (e.g. start-up warnings).</summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Auth", database.ConnectionString);
        if (PublicBaseUrl is not null) builder.UseSetting("Runtime:PublicBaseUrl", PublicBaseUrl);
        // SQL Server has no data folder for the key ring: the suites keep it in the database, sealed (ADR 0008).
        if (database.Provider == DatabaseProvider.SqlServer) builder.UseSetting("DataProtection:Key", SqlServerKeyRingKey);
        if (BootstrapOperator)
        {
            builder.UseSetting("Studio:Bootstrap:OperatorEmail", OperatorEmail);
            builder.UseSetting("Studio:Bootstrap:OperatorPassword", OperatorPassword);
        }
        if (SettingsPollInterval is not null) builder.UseSetting("Runtime:SettingsPollInterval", SettingsPollInterval);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            if (LoggerProvider is not null) services.AddSingleton(LoggerProvider);
            if (interceptors.Length > 0)
            {
                services.AddSingleton<IDbContextFactory<AuthDbContext>>(
                    _ => new AuthDbContextFactory(database.Options, b => b.AddInterceptors(interceptors)));
            }
        });
    }
}
