using System.Net;
using System.Net.Http.Json;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// The small things a careful client or proxy relies on: nothing secret is cached, ambiguous JSON is refused,
/// a PATCH can't silently reset a section, and a refused redirect URL does not reveal the allow-list.
/// </summary>
public abstract class ResponseHygieneSuite(AppFixture fixture) : SuiteBase(fixture)
{
    protected override object? Baseline => new { email = new { confirmEmail = false }, redirectURLs = new[] { RedirectUrl, "https://secret-staging.example.com/cb" } };

    [Fact]
    public async Task SessionUserAndSettingsResponses_CarryCacheControlNoStore()
    {
        var signUp = await PostAsync("/auth/signup-email", new { email = NewEmail(), password = Password });
        signUp.AssertStatus(HttpStatusCode.OK);
        var token = signUp.Body!["session"]!["token"]!.GetValue<string>();
        var user = await GetAsync("/auth/user", token);
        var sessions = await GetAsync("/auth/sessions", token);
        var failed = await PostAsync("/auth/signin-email", new { email = NewEmail(), password = Password });
        using var admin = await Fixture.CreateOperatorClientAsync();
        var draft = await admin.GetAsync("/admin/api/settings/draft", Ct);
        var operatorToken = await Fixture.CreateClient().PostAsJsonAsync("/admin/api/token",
            new { email = AuthAppFactory.OperatorEmail, password = AuthAppFactory.OperatorPassword }, Ct);

        foreach (var message in new[] { signUp.Message, user.Message, sessions.Message, failed.Message, draft, operatorToken })
            Assert.True(message.Headers.CacheControl?.NoStore == true, $"{message.RequestMessage!.RequestUri} lacks Cache-Control: no-store");
    }

    [Fact]
    public async Task PublicDocuments_KeepTheirOwnCaching()
    {
        var jwks = await GetAsync("/.well-known/jwks.json");
        Assert.False(jwks.Message.Headers.CacheControl?.NoStore ?? false);
        Assert.True(jwks.Message.Headers.CacheControl?.Public);
    }

    [Theory]
    [InlineData("{\"email\":\"a@example.com\",\"email\":\"b@example.com\",\"password\":\"correct horse 1\"}")]
    [InlineData("{\"email\":\"a@example.com\",\"password\":\"x\",\"password\":\"correct horse 1\"}")]
    public async Task Post_DuplicateJsonKeys_ReturnsValidationError(string body) =>
        (await PostRawAsync("/auth/signin-email", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");

    [Fact]
    public async Task SignUp_DuplicateKeyInsideUserData_ReturnsValidationError() =>
        (await PostRawAsync("/auth/signup-email",
            "{\"email\":\"dup-" + Guid.NewGuid().ToString("N") + "@example.com\",\"password\":\"correct horse 1\",\"userData\":{\"plan\":\"free\",\"plan\":\"pro\"}}"))
            .AssertError(HttpStatusCode.BadRequest, "validation_error");

    [Fact]
    public async Task PatchSettings_DuplicateKeys_ReturnsValidationError()
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var response = await ApiResponse.ReadAsync(await admin.PatchAsync("/admin/api/settings/draft",
            new StringContent("{\"security\":{\"lockoutThreshold\":5,\"lockoutThreshold\":50}}", System.Text.Encoding.UTF8, "application/json"), Ct));
        response.AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Theory]
    [InlineData("{\"security\":null}", "security")]
    [InlineData("{\"email\":null}", "email")]
    [InlineData("{\"security\":{\"lockoutThreshold\":null}}", "security.lockoutThreshold")]
    [InlineData("{\"redirectURLs\":null}", "redirectURLs")]
    public async Task PatchSettings_NullForARequiredSetting_IsValidationErrorAndChangesNothing(string patch, string field)
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        (await ApiResponse.ReadAsync(await admin.PatchAsync("/admin/api/settings/draft",
            JsonContent("{\"security\":{\"lockoutThreshold\":7}}"), Ct))).AssertStatus(HttpStatusCode.OK);

        var response = await ApiResponse.ReadAsync(await admin.PatchAsync("/admin/api/settings/draft", JsonContent(patch), Ct));

        response.AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains(field, response.ValidationFields());
        var draft = await ApiResponse.ReadAsync(await admin.GetAsync("/admin/api/settings/draft", Ct));
        Assert.Equal(7, draft.Body!["settings"]!["security"]!["lockoutThreshold"]!.GetValue<int>());
    }

    [Fact]
    public async Task SignUp_RedirectUrlNotAllowed_DoesNotListTheAllowedUrls()
    {
        var response = await PostAsync("/auth/signup-email",
            new { email = NewEmail(), password = Password, redirectURL = "https://secret-staging.example.com/other" });

        response.AssertError(HttpStatusCode.BadRequest, "invalid_redirect_url");
        Assert.DoesNotContain("/cb", response.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("auth-redirect", response.Raw, StringComparison.Ordinal);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
