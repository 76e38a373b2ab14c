using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Auth.Core.Settings;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Runtime.Tests;

/// <summary>With DataProtection:CertificatePath set, the key ring in the database is encrypted too.</summary>
public sealed class DataProtectionCertificateTests : IAsyncLifetime
{
    private readonly SqliteTarget _database = new();
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"dp-{Guid.NewGuid():N}.pfx");
    private WebApplicationFactory<Program> _app = null!;

    public ValueTask InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=auth-studio-data-protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));

        _app = new AuthAppFactory(_database, new FakeTimeProvider(DateTimeOffset.UtcNow)).WithWebHostBuilder(b =>
        {
            b.UseSetting("DataProtection:CertificatePath", _pfx);
            b.UseSetting("DataProtection:CertificatePassword", "pfx-password");
        });
        _ = _app.Server;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task KeyRing_WithACertificate_IsStoredEncryptedAndSecretsStillRoundTrip()
    {
        var store = _app.Services.GetRequiredService<SettingsStore>();
        var patch = System.Text.Json.Nodes.JsonNode.Parse("""{"smtp":{"host":"smtp.example.com","fromEmail":"a@example.com","password":"pw-123"}}""");
        Assert.True((await store.PatchDraftAsync(patch, "test", TestContext.Current.CancellationToken)).IsSuccess);

        Assert.Equal("pw-123", (await store.GetDraftSettingsAsync(TestContext.Current.CancellationToken)).Smtp.Password);
        await using var db = _app.Services.GetRequiredService<IDbContextFactory<Core.Data.AuthDbContext>>().CreateDbContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        File.Delete(_pfx);
    }
}
