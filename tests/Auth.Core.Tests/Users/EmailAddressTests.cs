using Auth.Core.Users;

namespace Auth.Core.Tests.Users;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("user@example.com", "user@example.com")]
    [InlineData("  User.Name+tag@Example.COM \t", "user.name+tag@example.com")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("first_last-1{x}!#$%&*=?^`|~/@sub.example.co.uk", "first_last-1{x}!#$%&*=?^`|~/@sub.example.co.uk")]
    [InlineData("1234@my-domain.example", "1234@my-domain.example")]
    [InlineData("user@xn--bcher-kva.example", "user@xn--bcher-kva.example")]
    [InlineData("user@bücher.example", "user@xn--bcher-kva.example")]
    [InlineData("USER@BÜCHER.EXAMPLE", "user@xn--bcher-kva.example")]
    [InlineData("user@пример.рф", "user@xn--e1afmkfd.xn--p1ai")]
    [InlineData("élise@example.fr", "élise@example.fr")]
    [InlineData("user@example.c0m", "user@example.c0m")]
    public void Normalize_ValidAddress_ReturnsLowerCasePunycodeForm(string input, string expected)
    {
        var result = EmailAddress.Normalize(input);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(expected, result.Value.Normalized);
        Assert.Equal(input.Trim(), result.Value.Display);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("user@")]
    [InlineData("user@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("user@localhost")]
    [InlineData("user name@example.com")]
    [InlineData("user@exa mple.com")]
    [InlineData("<user>@example.com")]
    [InlineData("\"quoted\"@example.com")]
    [InlineData("user(comment)@example.com")]
    [InlineData("us,er@example.com")]
    [InlineData("us;er@example.com")]
    [InlineData("us:er@example.com")]
    [InlineData("us\\er@example.com")]
    [InlineData("us[er]@example.com")]
    [InlineData("us\u0000er@example.com")]
    [InlineData("us\u200Ber@example.com")]
    [InlineData("user@example..com")]
    [InlineData("user@.example.com")]
    [InlineData("user@example.com.")]
    [InlineData("user@-example.com")]
    [InlineData("user@example-.com")]
    [InlineData("user@exa_mple.com")]
    [InlineData("user@example.com/path")]
    [InlineData("user@10.0.0.1")]
    [InlineData("user@[10.0.0.1]")]
    [InlineData("user@example\u3002com")]
    [InlineData("user@ex\u00a0ample.com")]
    public void Normalize_InvalidAddress_ReturnsValidationError(string? input)
    {
        ValidationAssert.IsFieldError(EmailAddress.Normalize(input).Error, "email");
    }

    [Fact]
    public void Normalize_LengthLimits_AreEnforced()
    {
        var local64 = new string('a', 64);
        var label63 = new string('b', 63);
        Assert.True(EmailAddress.Normalize($"{local64}@{label63}.com").IsSuccess);
        Assert.False(EmailAddress.Normalize($"{local64}a@example.com").IsSuccess);
        Assert.False(EmailAddress.Normalize($"user@{label63}b.com").IsSuccess);

        // 64 + 1 + 63*3 dotted labels = 254 characters exactly, then one more.
        var domain189 = $"{label63}.{label63}.{new string('c', 59)}.d";
        Assert.Equal(254, $"{local64}@{domain189}".Length);
        Assert.True(EmailAddress.Normalize($"{local64}@{domain189}").IsSuccess);
        Assert.False(EmailAddress.Normalize($"{local64}@{domain189}e").IsSuccess);
    }

    [Fact]
    public void Normalize_CustomField_NamesItInTheError()
    {
        ValidationAssert.IsFieldError(EmailAddress.Normalize("nope", "newEmail").Error, "newEmail");
    }

    [Fact]
    public void Normalize_IsCaseInsensitive()
    {
        Assert.Equal(EmailAddress.Normalize("Foo.Bar@Example.COM").Value.Normalized,
            EmailAddress.Normalize("foo.bar@example.com").Value.Normalized);
        Assert.Equal(EmailAddress.Normalize("ÉLISE@example.fr").Value.Normalized,
            EmailAddress.Normalize("élise@EXAMPLE.fr").Value.Normalized);
    }

    [Fact]
    public void Normalize_AccentsAreSignificant()
    {
        Assert.NotEqual(EmailAddress.Normalize("elise@example.fr").Value.Normalized,
            EmailAddress.Normalize("élise@example.fr").Value.Normalized);
    }

    [Fact]
    public void Normalize_ComposedAndDecomposedAccents_AreEqual()
    {
        var composed = EmailAddress.Normalize("\u00e9lise@b\u00fccher.example").Value;
        var decomposed = EmailAddress.Normalize("e\u0301lise@bu\u0308cher.example").Value;

        Assert.Equal(composed.Normalized, decomposed.Normalized);
        Assert.Equal("\u00e9lise@xn--bcher-kva.example", decomposed.Normalized);
        Assert.Equal(composed.Display, decomposed.Display); // Display is NFC too
    }
}
