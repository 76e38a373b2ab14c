using Auth.Core.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Auth.Core.Data;

/// <summary>
/// The one model for every provider. Each provider has a sealed subclass only so that its
/// migrations (Data/Migrations/Sqlite, Data/Migrations/SqlServer) have a context type of their own;
/// see docs/decisions/0002-one-model-two-migration-sets.md.
/// </summary>
public abstract class AuthDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<SettingsDraft> SettingsDrafts => Set<SettingsDraft>();
    public DbSet<SettingsRevision> SettingsRevisions => Set<SettingsRevision>();
    public DbSet<Operator> Operators => Set<Operator>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Throttle> Throttles => Set<Throttle>();
    public DbSet<MfaFactor> MfaFactors => Set<MfaFactor>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<MfaChallenge> MfaChallenges => Set<MfaChallenge>();
    public DbSet<ActivityEvent> Events => Set<ActivityEvent>();
    public DbSet<EventDailyCount> EventDailyCounts => Set<EventDailyCount>();
    public DbSet<Passkey> Passkeys => Set<Passkey>();
    public DbSet<PasskeyChallenge> PasskeyChallenges => Set<PasskeyChallenge>();
    public DbSet<OperatorMfaFactor> OperatorMfaFactors => Set<OperatorMfaFactor>();
    public DbSet<OperatorRecoveryCode> OperatorRecoveryCodes => Set<OperatorRecoveryCode>();
    public DbSet<OperatorPolicy> OperatorPolicies => Set<OperatorPolicy>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Users whose rows this context changed and whose transaction has not committed yet (see UserWriteInterceptor).</summary>
    internal HashSet<string>? WrittenUserIds { get; set; }

    /// <summary>Records a change to <paramref name="userId"/>'s user or session rows made outside the change tracker (ExecuteUpdate).</summary>
    internal void NoteUserWrite(string userId) => (WrittenUserIds ??= new HashSet<string>(StringComparer.Ordinal)).Add(userId);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AuthDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC; SQLite hands DateTimes back as Unspecified, so say it explicitly.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteAuthDbContext(DbContextOptions<AuthDbContext> options) : AuthDbContext(options);

public sealed class SqlServerAuthDbContext(DbContextOptions<AuthDbContext> options) : AuthDbContext(options);
