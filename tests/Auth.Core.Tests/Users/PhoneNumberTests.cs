using Auth.Core.Users;

namespace Auth.Core.Tests.Users;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+15555555555", "+15555555555")] // the Agnost client API's example: possible, though not a valid US number
    [InlineData("+1 555-555-5555", "+15555555555")]
    [InlineData(" +1 (555) 555.5555 ", "+15555555555")]
    [InlineData("(+44) 20 7946 0958", "+442079460958")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    [InlineData("+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("+49 (0)30 123456", "+4930123456")] // "(0)" is the trunk prefix, not dialled from abroad
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    public void NormalizeE164_AcceptedInput_ReturnsE164(string input, string expected)
    {
        var result = PhoneNumber.NormalizeE164(input);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+1 555 CALL NOW")]
    [InlineData("+1-800-FLOWERS")]
    [InlineData("+1 555 555 5555 ext 12")]
    [InlineData("phone")]
    [InlineData("+")]
    [InlineData("+1")]
    [InlineData("+1 555")]
    [InlineData("+1 555 555 5555 5555 55")]
    [InlineData("++15555555555")]
    [InlineData("+1 555+555 5555")]
    [InlineData("+999 1234 5678")]
    [InlineData("+1_555_555_5555")]
    [InlineData("+\u0661\u0665\u0665\u0665\u0665\u0665\u0665\u0665\u0665\u0665\u0665")] // Arabic-Indic digits
    public void NormalizeE164_InvalidInput_ReturnsValidationError(string? input)
    {
        ValidationAssert.IsFieldError(PhoneNumber.NormalizeE164(input).Error, "phone");
    }

    [Theory]
    [InlineData("555-555-5555")]
    [InlineData("020 7946 0958")]
    [InlineData("(0)20 7946 0958")]
    public void NormalizeE164_NoCountryCode_SaysSo(string input)
    {
        var message = ValidationAssert.IsFieldError(PhoneNumber.NormalizeE164(input).Error, "phone");

        Assert.Contains("country code", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeE164_CustomField_NamesItInTheError()
    {
        ValidationAssert.IsFieldError(PhoneNumber.NormalizeE164("12", "newPhone").Error, "newPhone");
    }
}
