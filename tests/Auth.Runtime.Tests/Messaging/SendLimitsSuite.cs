using System.Net;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>
/// The limits on messages to a recipient (issue 8): the send cooldown under real parallel requests, and the
/// SMS pumping defences (number types, countries, per-number, per-IP and global caps).
/// </summary>
public abstract partial class SendLimitsSuite(AppFixture fixture) : SmsSuiteBase(fixture)
{
    protected const int Parallel = 20;

    protected object Settings(object security, object? phone = null, object? sms = null) => new
    {
        smtp = SmtpPatch,
        phone = phone ?? new { enabled = true },
        sms = sms ?? TwilioPatch,
        security,
    };

    protected async Task<int> OutboxCountAsync(string to, string? type = null)
    {
        await using var db = Db();
        return await db.OutboxMessages.CountAsync(m => m.To == to && (type == null || m.Type == type), Ct);
    }

    protected async Task<ApiResponse[]> InParallelAsync(Func<int, Task<ApiResponse>> request) =>
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => Task.Run(() => request(i), Ct)));

    private async Task<string> SignUpPhoneAsync(string? phone = null)
    {
        phone ??= NewPhone();
        (await PostAsync("/auth/signup-phone", new { phone, password = Password, name = "Jobby" })).AssertStatus(HttpStatusCode.OK);
        return phone;
    }

    protected static void AssertRetryAfter(ApiResponse response)
    {
        // On a loaded 2-core machine twenty parallel writers can outwait SQLite's 5 s busy timeout: that request is
        // refused as 503 service_unavailable (nothing stored, retry later), which is just as much a refusal.
        if (response.Status == HttpStatusCode.ServiceUnavailable) response.AssertError(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        else response.AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.True(response.Message.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero, "Retry-After missing: " + response.Raw);
    }

    [Fact]
    public async Task SendMagicLink_TwentyParallelRequestsInCooldown_QueuesExactlyOneMessage()
    {
        var email = await SignUpVerifiedAsync();
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 60 }));
        Fixture.Time.Advance(TimeSpan.FromSeconds(61)); // past the confirmation mail's cooldown

        var responses = await InParallelAsync(_ => PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl }));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        foreach (var limited in responses.Where(r => r.Status != HttpStatusCode.OK)) AssertRetryAfter(limited);
        Assert.Equal(1, await OutboxCountAsync(email, "magic_link"));
    }

    [Fact]
    public async Task SendMagicLink_TwentyParallelRequestsWithEnumerationProtection_AllAnswerOkAndOneIsSent()
    {
        var email = await SignUpVerifiedAsync();
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 60, enumerationProtection = true }));
        Fixture.Time.Advance(TimeSpan.FromSeconds(61));

        var responses = await InParallelAsync(_ => PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl }));

        Assert.All(responses, r => r.AssertStatus(HttpStatusCode.OK));
        Assert.Equal(1, await OutboxCountAsync(email, "magic_link"));
    }

    [Fact]
    public async Task SendSignInCode_TwentyParallelRequestsInCooldown_QueuesExactlyOneText()
    {
        var phone = await SignUpPhoneAsync();
        (await PostAsync("/auth/verify-phone", new { phone, code = await CodeAsync(phone) })).AssertStatus(HttpStatusCode.OK);
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 60 }));
        Fixture.Time.Advance(TimeSpan.FromSeconds(61));

        var responses = await InParallelAsync(_ => PostAsync("/auth/send-code", new { phone }));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        foreach (var limited in responses.Where(r => r.Status != HttpStatusCode.OK)) AssertRetryAfter(limited);
        Assert.Equal(2, await OutboxCountAsync(phone)); // the sign-up code and one sign-in code
    }

    [Fact]
    public async Task SendMagicLink_CooldownIsPerPurpose_AnotherPurposeStillSends()
    {
        var email = await SignUpVerifiedAsync();
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 60 }));
        Fixture.Time.Advance(TimeSpan.FromSeconds(61));

        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        AssertRetryAfter(await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl }));
        (await PostAsync("/auth/send-reset", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        Fixture.Time.Advance(TimeSpan.FromSeconds(60));
        (await PostAsync("/auth/send-magic", new { email, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(2, await OutboxCountAsync(email, "magic_link"));
    }

    [Theory]
    [InlineData("+1 900 555 1234")] // US premium rate
    [InlineData("+44 909 123 4567")] // UK premium rate
    [InlineData("+882 1234567890")] // international network, no known range
    [InlineData("+1 555 555 5555")] // no numbering plan has it
    public async Task SignUpWithPhone_PremiumRateSharedCostOrUnknownNumber_RefusedAndNothingTexted(string phone)
    {
        var response = await PostAsync("/auth/signup-phone", new { phone, password = Password, name = "Pumper" });

        response.AssertError(HttpStatusCode.BadRequest, "phone_number_not_allowed");
        await using var db = Db();
        var e164 = "+" + new string([.. phone.Where(char.IsAsciiDigit)]);
        Assert.False(await db.Users.AnyAsync(u => u.Phone == e164, Ct));
        Assert.Equal(0, await OutboxCountAsync(e164));
    }

    [Fact]
    public async Task SignUpWithPhone_BlockedTypesEmptied_PremiumRateAccepted()
    {
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 0 }, new { enabled = true, blockedNumberTypes = Array.Empty<string>() }));
        // Another premium number than the refusal theory's: the class shares one database, and that theory asserts
        // its number never became a user, whichever test runs first.
        (await PostAsync("/auth/signup-phone", new { phone = "+1 900 555 4321", password = Password })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PhoneFlows_CountryAllowList_RefusesOtherCountriesAtSignUpAndAtEverySend()
    {
        var us = await SignUpPhoneAsync();
        (await PostAsync("/auth/verify-phone", new { phone = us, code = await CodeAsync(us) })).AssertStatus(HttpStatusCode.OK);
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 0 }, new { enabled = true, allowedCountries = new[] { "FR" } }));

        (await PostAsync("/auth/signup-phone", new { phone = NewPhone(), password = Password })).AssertError(HttpStatusCode.BadRequest, "phone_number_not_allowed");
        (await PostAsync("/auth/send-code", new { phone = us })).AssertError(HttpStatusCode.BadRequest, "phone_number_not_allowed");
        (await PostAsync("/auth/send-reset-code", new { phone = us })).AssertError(HttpStatusCode.BadRequest, "phone_number_not_allowed");
        (await PostAsync("/auth/signup-phone", new { phone = "+33 6 12 34 56 78", password = Password })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(1, await OutboxCountAsync(us));
        Assert.Equal(1, await OutboxCountAsync("+33612345678"));
    }

    [Fact]
    public async Task ResendCode_PerNumberDailyCap_RefusedWith429UntilTheDayIsOver()
    {
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 0, smsPerNumberPerDay = 3 }));
        var phone = await SignUpPhoneAsync();
        (await PostAsync("/auth/resend-code", new { phone })).AssertStatus(HttpStatusCode.OK);
        (await PostAsync("/auth/resend-code", new { phone })).AssertStatus(HttpStatusCode.OK);

        var limited = await PostAsync("/auth/resend-code", new { phone });

        AssertRetryAfter(limited);
        Assert.Equal(3, await OutboxCountAsync(phone));
        Fixture.Time.Advance(TimeSpan.FromDays(1));
        (await PostAsync("/auth/resend-code", new { phone })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResendCode_TwentyParallelRequestsOverThePerNumberCap_TextsExactlyTheCap()
    {
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 0, smsPerNumberPerDay = 5 }));
        var phone = await SignUpPhoneAsync();

        var responses = await InParallelAsync(_ => PostAsync("/auth/resend-code", new { phone }));

        Assert.Equal(4, responses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(5, await OutboxCountAsync(phone));
    }

    [Fact]
    public async Task Sms_GlobalHourlyBudget_StopsTextsUntilTheHourEnds_EmailStillSent()
    {
        await ClearCountersAsync();
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 0 }, sms: new { maxPerHour = 3, twilio = new { accountSid = TwilioSid, authToken = TwilioToken, from = TwilioFrom, apiBaseUrl = Sms.BaseUrl } }));
        var phones = Enumerable.Range(0, Parallel).Select(_ => NewPhone()).ToArray();

        var responses = await InParallelAsync(i => PostAsync("/auth/signup-phone", new { phone = phones[i], password = Password }));

        Assert.Equal(3, responses.Count(r => r.Status == HttpStatusCode.OK));
        foreach (var limited in responses.Where(r => r.Status != HttpStatusCode.OK)) AssertRetryAfter(limited);
        await using (var db = Db())
        {
            Assert.Equal(3, await db.OutboxMessages.CountAsync(m => phones.Contains(m.To), Ct));
            Assert.Equal(3, await db.Users.CountAsync(u => phones.Contains(u.Phone!), Ct)); // a refused sign-up leaves no account
        }
        await SignUpVerifiedAsync(); // e-mail is not texting
        Fixture.Time.Advance(TimeSpan.FromHours(1));
        await SignUpPhoneAsync();
    }

    /// <summary>The global budget is one counter per database; tests of other classes have their own database.</summary>
    private async Task ClearCountersAsync()
    {
        await using var db = Db();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Throttles\"", Ct);
    }
}
