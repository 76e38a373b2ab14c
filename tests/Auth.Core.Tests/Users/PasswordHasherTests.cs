using System.Security.Cryptography;
using Auth.Core.Users;

namespace Auth.Core.Tests.Users;

public sealed class PasswordHasherTests
{
    // Cheap parameters for behaviour tests; the format and rehash tests use the real default.
    private static PasswordHasher Fast(int iterations = 1_000) => new(PasswordHashingOptions.ForTests(iterations));

    private static string Stored(string password, int iterations, int saltSize = 16, int keySize = 64)
    {
        var salt = RandomNumberGenerator.GetBytes(saltSize);
        var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, keySize);
        return $"$pbkdf2-sha512$i={iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
    }

    [Fact]
    public void Hash_DefaultOptions_UsesSelfDescribingFormatAndVerifies()
    {
        var hasher = new PasswordHasher(new PasswordHashingOptions());

        var hash = hasher.Hash("correct horse battery staple");

        var parts = hash.Split('$');
        Assert.Equal(new[] { "", "pbkdf2-sha512", "i=210000" }, parts[..3]);
        Assert.Equal(16, Convert.FromBase64String(parts[3]).Length);
        Assert.Equal(64, Convert.FromBase64String(parts[4]).Length);
        Assert.Equal(PasswordVerification.Success, hasher.Verify(hash, "correct horse battery staple"));
    }

    [Fact]
    public void Verify_WrongPassword_ReturnsFailed()
    {
        var hasher = Fast();
        var hash = hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Failed, hasher.Verify(hash, "correct horse battery stapler"));
        Assert.Equal(PasswordVerification.Failed, hasher.Verify(hash, "Correct horse battery staple"));
    }

    [Fact]
    public void Hash_SamePasswordTwice_UsesDifferentSalts()
    {
        var hasher = Fast();

        var first = hasher.Hash("same password");
        var second = hasher.Hash("same password");

        Assert.NotEqual(first.Split('$')[3], second.Split('$')[3]);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Verify_HashWithFewerIterations_ReturnsSuccessRehashNeeded()
    {
        var hasher = new PasswordHasher(new PasswordHashingOptions());

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, hasher.Verify(Stored("hunter22hunter22", 100_000), "hunter22hunter22"));
        Assert.Equal(PasswordVerification.Failed, hasher.Verify(Stored("hunter22hunter22", 100_000), "hunter22hunter23"));
    }

    [Fact]
    public void Verify_OlderSaltOrKeySize_ReturnsSuccessRehashNeeded()
    {
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, Fast().Verify(Stored("pw", 1_000, saltSize: 32), "pw"));
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, Fast().Verify(Stored("pw", 1_000, keySize: 32), "pw"));
    }

    [Fact]
    public void Verify_MoreIterationsThanCurrent_ReturnsSuccess()
    {
        Assert.Equal(PasswordVerification.Success, Fast(1_000).Verify(Fast(2_000).Hash("pw"), "pw"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a hash")]
    [InlineData("$pbkdf2-sha256$i=1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("$pbkdf2-sha512$i=0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("$pbkdf2-sha512$i=-5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("$pbkdf2-sha512$i=abc$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("$pbkdf2-sha512$i=999999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("$pbkdf2-sha512$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("$pbkdf2-sha512$i=1000$!!!not-base64!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("$pbkdf2-sha512$i=1000$AAAAAAAAAAAAAAAAAAAAAA==$%%%")]
    [InlineData("$pbkdf2-sha512$i=1000$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("$pbkdf2-sha512$i=1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")]
    [InlineData("$pbkdf2-sha512$i=1000$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$pbkdf2-sha512$i=1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$extra")]
    public void Verify_MalformedHash_ReturnsFailed(string? hash)
    {
        var hasher = Fast();

        Assert.Equal(PasswordVerification.Failed, hasher.Verify(hash, "password"));
        Assert.Equal(0, hasher.DerivationCount);
    }

    [Fact]
    public void Verify_ComposedAndDecomposedAccents_Match()
    {
        var hasher = Fast();

        Assert.Equal(PasswordVerification.Success, hasher.Verify(hasher.Hash("caf\u00e9-password"), "cafe\u0301-password"));
    }

    [Fact]
    public void Verify_PasswordOver4096Bytes_FailsWithoutHashing()
    {
        var hasher = Fast();
        var hash = hasher.Hash("short password");
        var before = hasher.DerivationCount;

        Assert.Equal(PasswordVerification.Failed, hasher.Verify(hash, new string('a', 4097)));
        hasher.VerifyDummy(new string('a', 4097));
        Assert.Equal(before, hasher.DerivationCount);
        Assert.Throws<ArgumentException>(() => hasher.Hash(new string('a', 4097)));
    }

    [Fact]
    public void VerifyDummy_CostsOneDerivation()
    {
        var hasher = Fast();

        hasher.VerifyDummy("any password");

        Assert.Equal(1, hasher.DerivationCount);
    }

    [Fact]
    public void Options_FewerThan210000Iterations_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordHashingOptions { Iterations = 209_999 });
        Assert.Equal(300_000, new PasswordHashingOptions { Iterations = 300_000 }.Iterations);
    }
}
