using System.Buffers.Binary;
using System.Security.Cryptography;
using Auth.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using BCryptNet = BCrypt.Net.BCrypt;

namespace Auth.Core.Tests.Users;

/// <summary>Each imported hash format with vectors made by the format's own implementation (ADR 0020).</summary>
public sealed class ImportedPasswordHashesTests
{
    private const string Password = "correct horse 1";
    private readonly PasswordHasher _ours = new(PasswordHashingOptions.ForTests(1000));

    [Fact]
    public void IdentityV3_HashFromIdentitysOwnHasher_VerifiesAndAsksForARehash()
    {
        var identity = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        var hash = identity.HashPassword(new object(), Password);

        var stored = ImportedPasswordHashes.ToStored("identity-v3", hash);

        Assert.Equal(ImportedPasswordHashes.IdentityV3Tag + hash, stored);
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _ours.Verify(stored, Password));
        Assert.Equal(PasswordVerification.Failed, _ours.Verify(stored, Password + "x"));
    }

    [Theory]
    [InlineData(0, "SHA1")]
    [InlineData(1, "SHA256")]
    [InlineData(2, "SHA512")]
    public void IdentityV3_EveryPrfIdentityAllows_VerifiesExactlyAsIdentityDoes(uint prf, string algorithm)
    {
        var hash = IdentityV3(prf, new HashAlgorithmName(algorithm), Password, iterations: 1200, saltLength: 16, subkeyLength: 32);
        var identity = new PasswordHasher<object>();

        // Identity itself accepts the hash, so the header is built as Identity reads it.
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, identity.VerifyHashedPassword(new object(), hash, Password));
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _ours.Verify(ImportedPasswordHashes.ToStored(null, hash), Password));
        Assert.Equal(PasswordVerification.Failed, _ours.Verify(ImportedPasswordHashes.ToStored(null, hash), "Correct horse 1"));
    }

    [Fact]
    public void IdentityV3_MalformedHeaders_AreRefusedAtImport()
    {
        Assert.Null(ImportedPasswordHashes.ToStored("identity-v3", IdentityV3(3, HashAlgorithmName.SHA256, Password, 1000, 16, 32))); // unknown PRF
        Assert.Null(ImportedPasswordHashes.ToStored("identity-v3", IdentityV3(1, HashAlgorithmName.SHA256, Password, 1000, 8, 32))); // salt < 128 bits
        Assert.Null(ImportedPasswordHashes.ToStored("identity-v3", IdentityV3(1, HashAlgorithmName.SHA256, Password, 1000, 16, 8))); // subkey < 128 bits
        Assert.Null(ImportedPasswordHashes.ToStored("identity-v3", "not base64!"));
        var v2 = Convert.FromBase64String(IdentityV3(1, HashAlgorithmName.SHA256, Password, 1000, 16, 32));
        v2[0] = 0x00;
        Assert.Null(ImportedPasswordHashes.ToStored("identity-v3", Convert.ToBase64String(v2)));
    }

    [Fact]
    public void Bcrypt_PublishedTestVector_Verifies()
    {
        // crypt_blowfish's (Openwall) test vector, also in jBCrypt's and BCrypt.Net's suites.
        const string vector = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

        var stored = ImportedPasswordHashes.ToStored("bcrypt", vector);

        Assert.Equal(vector, stored);
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _ours.Verify(stored, "U*U"));
        Assert.Equal(PasswordVerification.Failed, _ours.Verify(stored, "U*V"));
    }

    [Theory]
    [InlineData('a', "$2a$")]
    [InlineData('b', "$2b$")]
    [InlineData('y', "$2y$")]
    public void Bcrypt_EachRevision_FromBCryptNetNext_VerifiesWithoutAFormatName(char revision, string prefix)
    {
        var hash = BCryptNet.HashPassword(Password, BCryptNet.GenerateSalt(4, revision));
        Assert.StartsWith(prefix, hash, StringComparison.Ordinal);

        var stored = ImportedPasswordHashes.ToStored(null, hash);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _ours.Verify(stored, Password));
        Assert.Equal(PasswordVerification.Failed, _ours.Verify(stored, "correct horse 2"));
    }

    [Fact]
    public void Bcrypt_CostAboveTheCapOrTruncated_IsRefusedAtImport()
    {
        var hash = BCryptNet.HashPassword(Password, BCryptNet.GenerateSalt(4));

        Assert.Null(ImportedPasswordHashes.ToStored("bcrypt", string.Concat(hash.AsSpan(0, 4), "15", hash.AsSpan(6))));
        Assert.Null(ImportedPasswordHashes.ToStored("bcrypt", hash[..^1]));
        Assert.Null(ImportedPasswordHashes.ToStored("pbkdf2", hash));
    }

    [Fact]
    public void OurPbkdf2_IsStoredAsItIs_AndVerifiesWithoutARehash()
    {
        var hash = _ours.Hash(Password);

        Assert.Equal(hash, ImportedPasswordHashes.ToStored(null, hash));
        Assert.Equal(PasswordVerification.Success, _ours.Verify(ImportedPasswordHashes.ToStored("pbkdf2", hash), Password));
        Assert.Null(ImportedPasswordHashes.ToStored("pbkdf2", "$pbkdf2-sha512$i=0$AAAA$AAAA"));
    }

    [Fact]
    public void ImportedHash_WrongPassword_StillDerivesOnceAtOurParameters_LikeAnUnknownAccount()
    {
        var stored = ImportedPasswordHashes.ToStored(null, BCryptNet.HashPassword(Password, BCryptNet.GenerateSalt(4)));
        var before = _ours.DerivationCount;
        _ours.VerifyDummy(Password);
        var unknown = _ours.DerivationCount - before;

        before = _ours.DerivationCount;
        Assert.Equal(PasswordVerification.Failed, _ours.Verify(stored, "wrong password"));

        Assert.Equal(unknown, _ours.DerivationCount - before);
    }

    /// <summary>Identity's V3 layout: 0x01, PRF, iterations, salt length (network byte order), salt, subkey.</summary>
    private static string IdentityV3(uint prf, HashAlgorithmName algorithm, string password, int iterations, int saltLength, int subkeyLength)
    {
        var salt = RandomNumberGenerator.GetBytes(saltLength);
        var subkey = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, algorithm == new HashAlgorithmName("SHA1") ? HashAlgorithmName.SHA1 : algorithm, subkeyLength);
        var bytes = new byte[13 + saltLength + subkeyLength];
        bytes[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), prf);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), (uint)iterations);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), (uint)saltLength);
        salt.CopyTo(bytes, 13);
        subkey.CopyTo(bytes, 13 + saltLength);
        return Convert.ToBase64String(bytes);
    }
}
