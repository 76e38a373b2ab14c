using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Auth.Core.Data;
using Auth.Core.Sessions;
using Auth.Core.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests.Hosting;

/// <summary>
/// The Data-Protection key ring does not live in the database by default, so a copy of the database file
/// alone reveals no settings secret, no signing key, and forges no operator token.
/// </summary>
public sealed partial class KeyStorageTests : IAsyncLifetime
{
    private const string SmtpPassword = "smtp-pw-only-in-the-key-ring";
    private readonly SqliteTarget _database = new();
    private readonly List<WebApplicationFactory<Program>> _apps = [];

    private string DbPath => new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task StolenDatabaseFile_Alone_RevealsNoSecretAndForgesNoOperatorToken()
    {
        var app = Start();
        await app.PublishAsync($$$"""{"smtp":{"host":"smtp.example.com","fromEmail":"a@example.com","password":"{{{SmtpPassword}}}"}}""");
        using var client = app.CreateClient();
        var realToken = await OperatorTokenAsync(client);

        var copy = CopyDatabase();
        var loot = Steal(copy);

        Assert.Empty(loot.Secrets);
        Assert.Null(loot.SigningKey);
        var forged = Forge(realToken, loot.SigningKey ?? SigningKeyMaterial.Generate(), loot.KeyId);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/settings/draft");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task KeyRing_ByDefault_IsAPrivateFolderBesideTheDatabase()
    {
        var app = Start();
        await app.PublishAsync($$$"""{"smtp":{"password":"{{{SmtpPassword}}}"}}""");

        var folder = Path.Combine(Path.GetDirectoryName(DbPath)!, "auth-keys");
        var files = Directory.GetFiles(folder, "*.xml");
        Assert.NotEmpty(files);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();
        Assert.Empty(await db.DataProtectionKeys.ToListAsync(TestContext.Current.CancellationToken));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            foreach (var file in files) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Start_WithAKeyRingInTheDatabaseTable_MovesItOutAndStillReadsWhatItEncrypted()
    {
        // An existing deployment: key ring, a secret and the signing key all written the old way.
        var ct = TestContext.Current.CancellationToken;
        await using (var db = new AuthDbContextFactory(_database.Options).CreateDbContext())
            await db.Database.MigrateAsync(ct);
        string protectedSecret, keyId;
        using (var legacy = LegacyServices(_database.Options))
        {
            var provider = legacy.GetRequiredService<IDataProtectionProvider>();
            protectedSecret = provider.CreateProtector(SettingsSecrets.ProtectorPurpose).Protect(SmtpPassword);
            var keys = new DbSigningKeyStore(legacy.GetRequiredService<IDbContextFactory<AuthDbContext>>(), provider, TimeProvider.System);
            await keys.InitializeAsync(ct);
            keyId = keys.Current.KeyId;
        }

        var app = Start();

        Assert.Equal(SmtpPassword, app.Services.GetRequiredService<SettingsProtector>().Protector.Unprotect(protectedSecret));
        Assert.Equal(keyId, app.Services.GetRequiredService<DbSigningKeyStore>().Current.KeyId);
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext())
            Assert.Empty(await db.DataProtectionKeys.ToListAsync(ct));
        Assert.Empty(Steal(CopyDatabase()).Secrets);
    }

    [Fact]
    public async Task KeyRing_WithAConfiguredKey_StaysInTheDatabaseWrapped_AndTheFileAloneStillRevealsNothing()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var app = Start(("DataProtection:Key", key));
        await app.PublishAsync($$$"""{"smtp":{"password":"{{{SmtpPassword}}}"}}""");

        await using (var db = app.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext())
        {
            var rows = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken);
            Assert.NotEmpty(rows);
            Assert.All(rows, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        }
        Assert.Empty(Steal(CopyDatabase()).Secrets);

        // A second node with the same key reads what the first wrote.
        var second = Start(("DataProtection:Key", key));
        Assert.Equal(SmtpPassword, (await second.Services.GetRequiredService<SettingsStore>().GetDraftSettingsAsync(TestContext.Current.CancellationToken)).Smtp.Password);
    }

    [Fact]
    public async Task KeyRing_InASharedKeysPath_IsReadByASecondNode_AndNotWrittenToTheDatabase()
    {
        var shared = Path.Combine(Path.GetTempPath(), "auth-tests", $"shared-keys-{Guid.NewGuid():N}");
        try
        {
            var first = Start(("DataProtection:KeysPath", shared));
            await first.PublishAsync($$$"""{"smtp":{"password":"{{{SmtpPassword}}}"}}""");
            Assert.NotEmpty(Directory.GetFiles(shared, "*.xml"));

            var second = Start(("DataProtection:KeysPath", shared));
            Assert.Equal(SmtpPassword, (await second.Services.GetRequiredService<SettingsStore>().GetDraftSettingsAsync(TestContext.Current.CancellationToken)).Smtp.Password);
            Assert.Empty(Steal(CopyDatabase()).Secrets);
        }
        finally
        {
            foreach (var app in _apps) await app.DisposeAsync();
            _apps.Clear();
            Directory.Delete(shared, recursive: true);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.SqlServer, "Server=unused;Database=unused")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    public void KeyRingPlan_WithoutAFolderOrAKey_RefusesAndSaysWhatToSet(DatabaseProvider provider, string connectionString)
    {
        var options = new Core.AuthCoreOptions { Database = { Provider = provider, ConnectionString = connectionString } };
        var refused = Assert.Throws<InvalidOperationException>(() => Core.KeyRing.KeyRingPlan.Decide(options));
        Assert.Contains("DataProtection:KeysPath", refused.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:Key", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void KeyRingPlan_WithAMalformedKey_Refuses(string key)
    {
        var options = new Core.AuthCoreOptions { DataProtectionKey = key };
        Assert.Throws<InvalidOperationException>(() => Core.KeyRing.KeyRingPlan.Decide(options));
    }

    private WebApplicationFactory<Program> Start(params (string Key, string Value)[] settings)
    {
        var app = new AuthAppFactory(_database, new FakeTimeProvider(DateTimeOffset.UtcNow)).WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });
        _apps.Add(app);
        _ = app.Server;
        return app;
    }

    private string CopyDatabase()
    {
        var copy = Path.Combine(Path.GetTempPath(), "auth-tests", $"stolen-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", copy);
        command.ExecuteNonQuery();
        return copy;
    }

    /// <summary>What a thief with only the file gets: Data Protection over the copy, as the app configured it before.</summary>
    private static ServiceProvider LegacyServices(DatabaseOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDbContextFactory<AuthDbContext>>(new AuthDbContextFactory(options));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext());
        services.AddDataProtection().SetApplicationName("AuthStudio").PersistKeysToDbContext<AuthDbContext>();
        return services.BuildServiceProvider();
    }

    private static Loot Steal(string copy)
    {
        using var services = LegacyServices(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={copy};Pooling=False" });
        var provider = services.GetRequiredService<IDataProtectionProvider>();
        using var db = services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContext();
        var secrets = new List<string>();
        var settings = provider.CreateProtector(SettingsSecrets.ProtectorPurpose);
        foreach (var json in db.SettingsDrafts.Select(d => d.Json).ToList().Concat(db.SettingsRevisions.Select(r => r.Json).ToList()))
            foreach (Match match in ProtectedValue().Matches(json))
                if (TryUnprotect(settings, match.Groups[1].Value) is { } plain) secrets.Add(plain);

        var signing = provider.CreateProtector("AuthStudio.SigningKeys.v1");
        var row = db.SigningKeys.AsNoTracking().First();
        var pkcs8 = TryUnprotect(signing, row.ProtectedPrivateKey);
        var key = pkcs8 is null ? null : SigningKeyMaterial.ImportPkcs8(row.Id, Convert.FromBase64String(pkcs8));
        return new Loot(secrets, key, row.Id);
    }

    private static string? TryUnprotect(IDataProtector protector, string value)
    {
        try
        {
            return protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The real token's header and claims, signed with <paramref name="key"/> under the database's kid.</summary>
    private static string Forge(string realToken, SigningKeyMaterial key, string keyId)
    {
        var real = new JsonWebToken(realToken);
        var payload = Base64UrlEncoder.Decode(realToken.Split('.')[1]);
        key.Key.KeyId = keyId;
        return new JsonWebTokenHandler().CreateToken(payload, new SigningCredentials(key.Key, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { ["typ"] = real.Typ });
    }

    private static async Task<string> OperatorTokenAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/admin/api/token",
            new { email = AuthAppFactory.OperatorEmail, password = AuthAppFactory.OperatorPassword }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>();
    }

    [GeneratedRegex("\"enc:([^\"]+)\"")]
    private static partial Regex ProtectedValue();

    private sealed record Loot(List<string> Secrets, SigningKeyMaterial? SigningKey, string KeyId);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
