using Auth.Core.Activity;
using Auth.Core.Data;
using Auth.Core.Housekeeping;
using Auth.Core.KeyRing;
using Auth.Core.Messaging;
using Auth.Core.Operators;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.SignIn;
using Auth.Core.Tokens;
using Auth.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Auth.Core;

public static class AuthCoreServiceCollectionExtensions
{
    /// <summary>Registers storage, settings, sessions and the sign-in flows, reading the host configuration keys listed in the README (Configuration).</summary>
    public static IServiceCollection AddAuthCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ReadOptions(configuration);
        return services.AddAuthCore(options);
    }

    public static IServiceCollection AddAuthCore(this IServiceCollection services, AuthCoreOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Database);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IDbContextFactory<AuthDbContext>>(_ => new AuthDbContextFactory(options.Database));
        // Data Protection resolves the key context from a scope.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext());
        // The key ring never sits in the database in a form the database alone can open (ADR 0008).
        var keyRing = KeyRingPlan.Decide(options);
        services.AddSingleton(keyRing);
        var dataProtection = services.AddDataProtection().SetApplicationName("AuthStudio");
        // Every node needs the same certificate; it stays outside the database by design.
        if (keyRing.Certificate is not null) dataProtection.ProtectKeysWithCertificate(keyRing.Certificate);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = keyRing.CreateRepository(sp)));

        services.AddSingleton<KeyRingMigration>();
        services.AddSingleton<DatabaseHealth>();
        services.AddSingleton<AuthStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<AuthStartup>());
        services.AddHostedService<SettingsPoller>();
        services.AddHousekeeping();
        services.AddActivityLog();

        services.AddSingleton<SettingsProtector>();
        services.AddSingleton<SettingsCache>();
        services.AddSingleton<ISettingsReader>(sp => sp.GetRequiredService<SettingsCache>());
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<EditedSettings>();

        services.AddSingleton(new PasswordHashingOptions());
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<PasswordGate>();
        services.AddSingleton<DbSigningKeyStore>();
        services.AddSingleton<ISigningKeyStore>(sp => sp.GetRequiredService<DbSigningKeyStore>());
        services.AddSingleton(new JwtOptions { Issuer = options.PublicBaseUrl.TrimEnd('/'), Audience = options.JwtAudience });
        services.AddSingleton<SessionTokenService>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<AccessTokenService>();
        services.AddSingleton<OperatorService>();
        services.AddSingleton<OperatorAdministration>();
        services.AddSingleton<Operators.Mfa.OperatorSecondFactor>();
        services.AddSingleton<Operators.Mfa.OperatorTotp>();
        services.AddSingleton<Operators.Mfa.OperatorMfaPolicy>();
        services.AddSingleton<Operators.Mfa.OperatorSignInSteps>();
        services.AddSingleton<UserCursorCodec>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<Users.Transfer.UserExport>();
        services.AddSingleton<Users.Transfer.UserImport>();
        services.AddSingleton<UserManagement>();
        services.AddSingleton<UserOutreach>();
        services.AddSingleton<SettingsHistory>();

        services.AddSingleton<LocalAccounts>();
        services.AddSingleton<LocalSignIn>();
        services.AddSingleton<Mfa.TotpCodes>();
        services.AddSingleton<Mfa.TotpSecrets>();
        services.AddSingleton<Mfa.TotpFactors>();
        services.AddSingleton<Mfa.RecoveryCodes>();
        services.AddSingleton<Mfa.MfaChallenges>();
        services.AddSingleton<Mfa.TotpEnrollment>();
        services.AddSingleton<Mfa.MfaVerify>();
        services.AddSingleton<Mfa.MfaFactorManagement>();
        services.AddSingleton<Mfa.MfaOperatorReset>();
        services.AddSingleton<Passkeys.PasskeyRelyingParty>();
        services.AddSingleton<Passkeys.PasskeyChallenges>();
        services.AddSingleton<Passkeys.PasskeyCounter>();
        services.AddSingleton<Passkeys.PasskeyRegistration>();
        services.AddSingleton<Passkeys.PasskeySignIn>();
        services.AddSingleton<Passkeys.PasskeyDecoys>();
        services.AddSingleton<Users.SecondFactorBadges>();
        services.AddSingleton<Passkeys.PasskeyManagement>();
        services.AddSingleton<LocalSignUp>();
        services.AddAuthMessaging();
        services.AddAuthFlows();
        return services;
    }

    /// <summary>Every flow (Auth.Core/SignIn), in one list: one class per way to sign in or change an account.</summary>
    private static void AddAuthFlows(this IServiceCollection services)
    {
        services.AddSingleton<SignUpWithEmail>();
        services.AddSingleton<SignInWithEmail>();
        services.AddSingleton<SignUpWithPhone>();
        services.AddSingleton<SignInWithPhone>();
        services.AddSingleton<SignInWithProvider>();
        services.AddSingleton<GetAuthGrant>();
        services.AddSingleton<ChangePassword>();
        services.AddSingleton<ResendConfirmation>();
        services.AddSingleton<VerifyLink>();
        services.AddSingleton<SendMagicLink>();
        services.AddSingleton<SendPasswordReset>();
        services.AddSingleton<ResetPassword>();
        services.AddSingleton<ChangeEmail>();
        services.AddSingleton<ResendPhoneCode>();
        services.AddSingleton<VerifyPhone>();
        services.AddSingleton<SendSignInCode>();
        services.AddSingleton<SignInWithCode>();
        services.AddSingleton<SendPasswordResetCode>();
        services.AddSingleton<ResetPasswordWithCode>();
        services.AddSingleton<ChangePhone>();
    }

    public static AuthCoreOptions ReadOptions(IConfiguration configuration)
    {
        var options = new AuthCoreOptions();
        var provider = configuration["Database:Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Database.Provider = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or SqlServer.");
        }

        options.Database.ConnectionString = configuration.GetConnectionString("Auth") ?? DatabaseOptions.DefaultSqliteConnectionString;
        (options.PublicBaseUrl, options.PublicBaseUrlSource) = PublicBaseUrlResolver.Resolve(configuration);

        if (TimeSpan.TryParse(configuration["Runtime:SettingsPollInterval"], System.Globalization.CultureInfo.InvariantCulture, out var poll) && poll > TimeSpan.Zero)
            options.SettingsPollInterval = poll;
        options.BootstrapOperatorEmail = configuration["Studio:Bootstrap:OperatorEmail"];
        options.BootstrapOperatorPassword = configuration["Studio:Bootstrap:OperatorPassword"];
        options.DataProtectionKeysPath = configuration["DataProtection:KeysPath"];
        options.DataProtectionKey = configuration["DataProtection:Key"];
        options.Database.CreateIfMissing = bool.TryParse(configuration["Database:CreateIfMissing"], out var create) && create;
        options.DataProtectionCertificatePath = configuration["DataProtection:CertificatePath"];
        options.DataProtectionCertificatePassword = configuration["DataProtection:CertificatePassword"];
        return options;
    }
}
