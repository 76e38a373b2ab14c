using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Auth.Core.Sessions;

/// <summary>
/// Signing keys kept in the database, private halves encrypted with Data Protection, so every node
/// signs and validates with the same keys. The oldest live key signs: nodes that race to create the
/// first key still agree on which one to use.
/// </summary>
public sealed class DbSigningKeyStore(IDbContextFactory<AuthDbContext> dbFactory, IDataProtectionProvider dataProtection, TimeProvider time)
    : ISigningKeyStore
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("AuthStudio.SigningKeys.v1");
    private volatile KeySet? _keys;

    public SigningKeyMaterial Current => Keys.Current;

    public IReadOnlyList<SigningKeyMaterial> ValidationKeys => Keys.All;

    public IReadOnlyList<string> PublicJwks => Keys.PublicJwks;

    private KeySet Keys => _keys ?? throw new InvalidOperationException("Signing keys are not loaded; call InitializeAsync at start-up.");

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.SigningKeys.AnyAsync(k => k.RetiredAt == null, ct))
        {
            var material = SigningKeyMaterial.Generate();
            db.SigningKeys.Add(new SigningKey
            {
                Id = material.KeyId,
                Algorithm = "ES256",
                ProtectedPrivateKey = _protector.Protect(Convert.ToBase64String(material.ExportPkcs8PrivateKey())),
                PublicJwk = PublicJwkJson(material),
                CreatedAt = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }

        var rows = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(ct);
        var all = rows.Select(r => SigningKeyMaterial.ImportPkcs8(r.Id, Convert.FromBase64String(_protector.Unprotect(r.ProtectedPrivateKey)))).ToList();
        _keys = new KeySet(all[0], all, rows.Select(r => r.PublicJwk).ToList());
    }

    // IdentityModel 8 has no public JWK serialiser; write the public members only, by name.
    private static string PublicJwkJson(SigningKeyMaterial material)
    {
        var jwk = material.ToPublicJwk();
        return new System.Text.Json.Nodes.JsonObject
        {
            ["kty"] = jwk.Kty,
            ["crv"] = jwk.Crv,
            ["x"] = jwk.X,
            ["y"] = jwk.Y,
            ["kid"] = jwk.Kid,
            ["use"] = jwk.Use,
            ["alg"] = jwk.Alg,
        }.ToJsonString();
    }

    private sealed record KeySet(SigningKeyMaterial Current, IReadOnlyList<SigningKeyMaterial> All, IReadOnlyList<string> PublicJwks);
}
