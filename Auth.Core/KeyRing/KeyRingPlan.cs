using System.Security.Cryptography.X509Certificates;
using Auth.Core.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Auth.Core.KeyRing;

/// <summary>Where the Data-Protection key ring lives.</summary>
public enum KeyRingStore
{
    /// <summary>One file per key in a private folder (the default for SQLite: beside the database file).</summary>
    Folder,

    /// <summary>The DataProtectionKeys table, only ever sealed by DataProtection:Key or a certificate.</summary>
    Database,
}

/// <summary>
/// Decides, from the host configuration, where the key ring that protects settings secrets and signing keys
/// is kept (ADR 0008). The rule: the database never holds a key ring it could open by itself.
/// <list type="bullet">
/// <item><c>DataProtection:KeysPath</c> set: that folder (share it between nodes).</item>
/// <item>else <c>DataProtection:Key</c> or <c>DataProtection:CertificatePath</c> set: the database table, sealed.</item>
/// <item>else SQLite: <c>&lt;name&gt;-keys</c> beside the database file.</item>
/// <item>else (SQL Server has no data folder): start-up refuses with what to set.</item>
/// </list>
/// <c>DataProtection:Key</c> also seals a folder ring; a certificate encrypts wherever the ring is.
/// </summary>
public sealed class KeyRingPlan
{
    private KeyRingPlan(KeyRingStore store, string? folder, byte[]? key, X509Certificate2? certificate)
    {
        Store = store;
        Folder = folder;
        WrapKey = key;
        Certificate = certificate;
    }

    public KeyRingStore Store { get; }

    /// <summary>The folder when <see cref="Store"/> is <see cref="KeyRingStore.Folder"/>.</summary>
    public string? Folder { get; }

    /// <summary>DataProtection:Key, when configured: seals every element of the ring.</summary>
    public byte[]? WrapKey { get; }

    public X509Certificate2? Certificate { get; }

    /// <summary>For the start-up log line.</summary>
    public string Description => (Store == KeyRingStore.Folder ? $"folder {Folder}" : "database table DataProtectionKeys")
        + (WrapKey is not null ? ", sealed with DataProtection:Key" : "")
        + (Certificate is not null ? $", encrypted with certificate {Certificate.Thumbprint}" : "");

    public static KeyRingPlan Decide(AuthCoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = string.IsNullOrWhiteSpace(options.DataProtectionKey) ? null : KeyRingWrapping.ParseKey(options.DataProtectionKey);
        var certificate = string.IsNullOrWhiteSpace(options.DataProtectionCertificatePath)
            ? null
            : X509CertificateLoader.LoadPkcs12FromFile(options.DataProtectionCertificatePath, options.DataProtectionCertificatePassword, X509KeyStorageFlags.EphemeralKeySet);

        if (!string.IsNullOrWhiteSpace(options.DataProtectionKeysPath))
            return new KeyRingPlan(KeyRingStore.Folder, Path.GetFullPath(options.DataProtectionKeysPath), key, certificate);
        if (key is not null || certificate is not null)
            return new KeyRingPlan(KeyRingStore.Database, null, key, certificate);
        if (DefaultFolder(options.Database) is { } folder)
            return new KeyRingPlan(KeyRingStore.Folder, folder, null, null);

        throw new InvalidOperationException(
            "The Data-Protection key ring needs a home outside the database: set DataProtection:KeysPath (a folder every node shares), " +
            "DataProtection:Key (base64 of 32 random bytes, the same on every node; the ring stays in the database, sealed) " +
            "or DataProtection:CertificatePath. " +
            (options.Database.Provider == DatabaseProvider.SqlServer
                ? "SQL Server has no data folder to keep it in by default."
                : "An in-memory SQLite database has no folder to keep it beside."));
    }

    /// <summary>SQLite's default: "data/auth.db" keeps its ring in "data/auth-keys". Null for SQL Server or in-memory.</summary>
    public static string? DefaultFolder(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (SqliteFile.PathOf(database) is not { } path) return null;
        return Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-keys");
    }

    /// <summary>The repository Data Protection reads and writes; sealed with <see cref="WrapKey"/> when there is one.</summary>
    public IXmlRepository CreateRepository(IServiceProvider services)
    {
        IXmlRepository inner = Store == KeyRingStore.Folder
            ? new PrivateFolderXmlRepository(Folder!)
            : new EntityFrameworkCoreXmlRepository<AuthDbContext>(services, services.GetRequiredService<ILoggerFactory>());
        return WrapKey is null ? inner : new WrappingXmlRepository(inner, WrapKey);
    }
}
