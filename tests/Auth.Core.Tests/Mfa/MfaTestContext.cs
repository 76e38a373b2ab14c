using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Mfa;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Auth.Core.SignIn;
using Auth.Core.Tests.Sessions;
using Auth.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Auth.Core.Tests.Mfa;

/// <summary>The MFA flows wired to a real, migrated SQLite file, real Data Protection and a fake clock.</summary>
internal sealed class MfaTestContext : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mfa-core-{Guid.NewGuid():N}.db");

    private MfaTestContext()
    {
        // On a step boundary, so "one step later" is exactly 30 seconds on.
        Time = new FakeTimeProvider(new DateTimeOffset(2040, 1, 1, 12, 0, 0, TimeSpan.Zero));
        Db = new AuthDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_path}" });
        Settings = new FixedSettings(new AuthSettings { Mfa = { Enabled = true }, Security = { LockoutThreshold = 5, LockoutMinutes = 15 } });
        var gate = new PasswordGate(new PasswordHasher(PasswordHashingOptions.ForTests(1)), Time);
        var totp = new TotpCodes(Time);
        var secrets = new TotpSecrets(new EphemeralDataProtectionProvider());
        Factors = new TotpFactors(totp, secrets, Time);
        var recovery = new RecoveryCodes(Time);
        Challenges = new MfaChallenges(Time);
        Enrollment = new TotpEnrollment(Db, Settings, secrets, Factors, recovery, gate, Time);
        var tokens = new SessionTokenService(new InMemorySigningKeyStore(), new JwtOptions { Issuer = "https://a.test", Audience = "a" }, Time);
        var activity = new Auth.Core.Activity.ActivityRecorder(new Auth.Core.Activity.NoActivityClient(), Time);
        var sessions = new SessionService(Db, tokens, new SessionCache(Db), Settings, Time, activity);
        Verify = new MfaVerify(Db, Settings, Factors, recovery, gate, sessions, Time);
        Management = new MfaFactorManagement(Db, Settings, new LocalAccounts(gate, Settings, Time, activity), Factors, recovery, gate);
        Hasher = gate.Hasher;
    }

    public FakeTimeProvider Time { get; }
    public AuthDbContextFactory Db { get; }
    public FixedSettings Settings { get; }
    public TotpFactors Factors { get; }
    public MfaChallenges Challenges { get; }
    public TotpEnrollment Enrollment { get; }
    public MfaVerify Verify { get; }
    public MfaFactorManagement Management { get; }
    private PasswordHasher Hasher { get; }

    public static async Task<MfaTestContext> CreateAsync()
    {
        var context = new MfaTestContext();
        await using var db = context.Db.CreateDbContext();
        await db.Database.MigrateAsync();
        return context;
    }

    public async Task<User> AddUserAsync(string email = "ada@example.test")
    {
        await using var db = Db.CreateDbContext();
        var user = new User
        {
            Id = UserId.New(Time), Provider = User.LocalProvider, ProviderUserId = email, Email = email, NormalizedEmail = email,
            EmailVerified = true, PasswordHash = Hasher.Hash(Password), SignUpAt = Time.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Enrols and confirms an authenticator for <paramref name="user"/>; the secret and the recovery codes.</summary>
    public async Task<(byte[] Secret, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(User user)
    {
        var started = (await Enrollment.StartAsync(user.Id)).Value;
        var secret = Base32Encoding.ToBytes(started.Secret);
        var codes = (await Enrollment.ConfirmAsync(user.Id, started.FactorId, CodeAt(secret))).Value;
        // The confirming code's step is spent; the next sign-in uses the next step's code.
        Time.Advance(TimeSpan.FromSeconds(TotpCodes.StepSeconds));
        return (secret, codes);
    }

    public string CodeAt(byte[] secret, TimeSpan offset = default) =>
        new Totp(secret).ComputeTotp((Time.GetUtcNow() + offset).UtcDateTime);

    public async Task<string> ChallengeAsync(User user, string firstFactor = "pwd")
    {
        await using var db = Db.CreateDbContext();
        var token = Challenges.Issue(db, user.Id, firstFactor);
        await db.SaveChangesAsync();
        return token;
    }

    public async Task<User> ReloadAsync(string userId)
    {
        await using var db = Db.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_path + suffix)) File.Delete(_path + suffix);
        await Task.CompletedTask;
    }

    public sealed class FixedSettings(AuthSettings settings) : ISettingsReader
    {
        public SettingsSnapshot Current { get; } = new(1, settings, null);
    }
}
