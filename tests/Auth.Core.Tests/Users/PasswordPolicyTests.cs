using Auth.Core.Users;

namespace Auth.Core.Tests.Users;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Check_MissingPassword_ReturnsValidationError(string? password)
    {
        ValidationAssert.IsFieldError(PasswordPolicy.Check(password, 8, 64), "password");
    }

    [Fact]
    public void Check_CustomField_NamesIt()
    {
        ValidationAssert.IsFieldError(PasswordPolicy.Check("short", 8, 64, "newPassword"), "newPassword");
    }

    [Fact]
    public void Check_4097Bytes_RefusedEvenWhenMaxLengthAllowsIt()
    {
        var message = ValidationAssert.IsFieldError(PasswordPolicy.Check(new string('a', 4097), 8, 10_000), "password");

        Assert.Contains("too long", message, StringComparison.Ordinal);
        Assert.Null(PasswordPolicy.Check(new string('a', 4096), 8, 10_000));
        // 1366 three-byte characters are 4098 bytes: the cap is on bytes, not characters.
        ValidationAssert.IsFieldError(PasswordPolicy.Check(new string('\u20ac', 1366), 8, 10_000), "password");
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Check_Length_EnforcesMinAndMax(int length, bool accepted)
    {
        var error = PasswordPolicy.Check(new string('x', length), 8, 64);

        Assert.Equal(accepted, error is null);
    }

    [Fact]
    public void Check_CountsTextElementsNotUtf16Units()
    {
        // Eight decomposed "é" are 16 UTF-16 units but 8 characters; a family emoji is 8 units but 1 character.
        Assert.Null(PasswordPolicy.Check(string.Concat(Enumerable.Repeat("e\u0301", 8)), 8, 8));
        Assert.NotNull(PasswordPolicy.Check("\U0001F468\u200D\U0001F469\u200D\U0001F467" + "abcdef", 8, 64));
    }

    [Fact]
    public void Check_LoneSurrogate_ReturnsValidationError()
    {
        ValidationAssert.IsFieldError(PasswordPolicy.Check("password\ud800", 8, 64), "password");
    }
}
