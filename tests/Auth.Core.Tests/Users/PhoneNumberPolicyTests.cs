using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.Users;

namespace Auth.Core.Tests.Users;

public sealed class PhoneNumberPolicyTests
{
    [Theory]
    [InlineData("+19005551234")] // US premium rate
    [InlineData("+449091234567")] // UK premium rate
    [InlineData("+8821234567890")] // international network, outside every known range
    [InlineData("+15555555555")] // not in the US plan
    public void Check_Defaults_RefusesPremiumRateAndUnknown(string e164)
    {
        Assert.Equal(AuthErrors.PhoneNumberNotAllowed, PhoneNumberPolicy.Check(new PhoneSettings(), e164)?.Code);
    }

    [Theory]
    [InlineData("+14155550100")]
    [InlineData("+33612345678")]
    [InlineData("+442079460958")]
    [InlineData("+4915112345678")]
    public void Check_Defaults_AcceptsOrdinaryNumbers(string e164)
    {
        Assert.Null(PhoneNumberPolicy.Check(new PhoneSettings(), e164));
    }

    [Fact]
    public void Check_AllowedCountries_AcceptsOnlyThoseCountries()
    {
        var phone = new PhoneSettings { AllowedCountries = ["FR", "DE"] };

        Assert.Null(PhoneNumberPolicy.Check(phone, "+33612345678"));
        Assert.Null(PhoneNumberPolicy.Check(phone, "+4915112345678"));
        Assert.Equal(AuthErrors.PhoneNumberNotAllowed, PhoneNumberPolicy.Check(phone, "+14155550100")?.Code);
        Assert.Equal(AuthErrors.PhoneNumberNotAllowed, PhoneNumberPolicy.Check(phone, "+8823456789012")?.Code); // no country at all
    }

    [Fact]
    public void Check_VoipBlocked_RefusesInternationalNetworkVoip()
    {
        Assert.Null(PhoneNumberPolicy.Check(new PhoneSettings(), "+8823456789012"));
        Assert.NotNull(PhoneNumberPolicy.Check(new PhoneSettings { BlockedNumberTypes = ["voip"] }, "+8823456789012"));
    }

    [Fact]
    public void TypeNames_AreCamelCaseOfLibphonenumber()
    {
        Assert.Contains("premiumRate", PhoneNumberPolicy.TypeNames.Keys);
        Assert.Contains("fixedLineOrMobile", PhoneNumberPolicy.TypeNames.Keys);
        Assert.Contains("voip", PhoneNumberPolicy.TypeNames.Keys);
        Assert.Contains("uan", PhoneNumberPolicy.TypeNames.Keys);
        Assert.All(PhoneSettings.DefaultBlockedNumberTypes, t => Assert.Contains(t, PhoneNumberPolicy.TypeNames.Keys));
    }
}
