using System.Net;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

/// <summary>Whatever a client sends, it gets the error envelope, never a bare status or a stack trace.</summary>
public abstract class BadInputSuite(AppFixture fixture) : SuiteBase(fixture)
{
    [Theory]
    [InlineData("{\"email\": ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2")]
    public async Task Post_MalformedJson_ReturnsValidationError(string body) =>
        (await PostRawAsync("/auth/signin-email", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");

    [Fact]
    public async Task Post_MistypedField_NamesTheField()
    {
        var response = await PostRawAsync("/auth/signin-email", "{\"email\": 5, \"password\": \"x\"}");
        Assert.Contains("email", response.ValidationFields());
    }

    [Fact]
    public async Task Post_WrongContentType_ReturnsUnsupportedMediaType() =>
        (await PostRawAsync("/auth/signin-email", "email=a@b.c", "application/x-www-form-urlencoded"))
            .AssertError(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

    [Fact]
    public async Task Post_EmptyBody_ReturnsValidationError() =>
        (await PostRawAsync("/auth/signin-email", "")).AssertError(HttpStatusCode.BadRequest, "validation_error");

    [Fact]
    public async Task Post_MissingFields_NamesEachOne()
    {
        var fields = (await PostRawAsync("/auth/signin-email", "{}")).ValidationFields().ToList();
        Assert.Contains("email", fields);
        Assert.Contains("password", fields);
    }

    [Fact]
    public async Task Post_BodyOverOneMegabyte_ReturnsPayloadTooLarge()
    {
        var huge = "{\"email\":\"" + new string('a', 1_100_000) + "\"}";
        (await PostRawAsync("/auth/signin-email", huge)).AssertError(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Get_UnknownRuntimeRoute_ReturnsEnvelope404() =>
        (await GetAsync("/auth/no-such-thing")).AssertError(HttpStatusCode.NotFound, "not_found");

    [Fact]
    public async Task SignIn_PasswordOverFourKilobytes_IsRefusedAsInvalidCredentials() =>
        (await PostAsync("/auth/signin-email", new { email = NewEmail(), password = new string('x', 5000) }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");

    [Fact]
    public async Task Post_OverThePerIpLimit_Returns429WithRetryAfterUntilTheWindowPasses()
    {
        await Fixture.PublishAsync(new { security = new { ipRequestsPerMinute = 3 } });
        Fixture.Time.Advance(TimeSpan.FromSeconds(61));

        for (var i = 0; i < 3; i++)
            (await PostAsync("/auth/signin-email", new { email = NewEmail(), password = Password })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        var limited = await PostAsync("/auth/signin-email", new { email = NewEmail(), password = Password });

        limited.AssertError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
        Assert.True(limited.Message.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        (await GetAsync("/healthz")).AssertStatus(HttpStatusCode.OK);

        Fixture.Time.Advance(TimeSpan.FromSeconds(61));
        (await PostAsync("/auth/signin-email", new { email = NewEmail(), password = Password })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }
}
