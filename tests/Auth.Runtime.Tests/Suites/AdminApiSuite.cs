using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Suites;

/// <summary>The management API: operator-only, draft/publish/revisions, secrets write-only, import/export, users.</summary>
public abstract class AdminApiSuite(AppFixture fixture) : SuiteBase(fixture)
{
    [Theory]
    [InlineData("GET", "/admin/api/settings/draft")]
    [InlineData("PUT", "/admin/api/settings/draft")]
    [InlineData("PATCH", "/admin/api/settings/draft")]
    [InlineData("POST", "/admin/api/settings/publish")]
    [InlineData("GET", "/admin/api/settings/revisions")]
    [InlineData("GET", "/admin/api/settings/revisions/1")]
    [InlineData("POST", "/admin/api/settings/revisions/1/rollback")]
    [InlineData("GET", "/admin/api/settings/export")]
    [InlineData("POST", "/admin/api/settings/import")]
    [InlineData("GET", "/admin/api/users")]
    [InlineData("GET", "/admin/api/users/000000000000000000000000")]
    [InlineData("DELETE", "/admin/api/users/000000000000000000000000")]
    public async Task AdminRoute_AnonymousOrEndUserSession_IsRefused(string method, string path)
    {
        using var anonymous = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        (await ApiResponse.ReadAsync(await Client.SendAsync(anonymous, TestContext.Current.CancellationToken)))
            .AssertError(HttpStatusCode.Unauthorized, "unauthorized");

        await Fixture.PublishAsync(new { email = new { confirmEmail = false } });
        var (_, userToken, _) = await SignUpWithSessionAsync();
        using var asUser = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        asUser.Headers.Authorization = new AuthenticationHeaderValue("Bearer", userToken);
        (await ApiResponse.ReadAsync(await Client.SendAsync(asUser, TestContext.Current.CancellationToken)))
            .AssertError(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_WrongPassword_ReturnsInvalidCredentials() =>
        (await PostAsync("/admin/api/token", new { email = AuthAppFactory.OperatorEmail, password = "not the password" }))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");

    [Fact]
    public async Task Draft_Get_ReturnsTheDesignShapeWithDefaults()
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var draft = await Read(await admin.GetAsync("/admin/api/settings/draft", TestContext.Current.CancellationToken));

        var settings = draft.Body!["settings"]!;
        Assert.Equal("http://localhost:3000/auth-redirect", settings["redirectURLs"]![0]!.GetValue<string>());
        Assert.True(settings["email"]!["confirmEmail"]!.GetValue<bool>());
        Assert.Equal(3600, settings["email"]!["linkExpiresIn"]!.GetValue<int>());
        Assert.False(settings["phone"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("Twilio", settings["phone"]!["smsProvider"]!.GetValue<string>());
        Assert.Null(settings["smtp"]!["password"]);
        foreach (var provider in new[] { "google", "apple", "facebook", "twitter", "github", "discord" })
            Assert.False(settings["providers"]![provider]!["enabled"]!.GetValue<bool>());
        foreach (var message in new[] { "confirm_email", "magic_link", "reset_password", "confirm_email_change", "verify_sms_code", "signin_sms_code" })
            Assert.False(string.IsNullOrWhiteSpace(settings["messages"]![message]!["body"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Draft_PutInvalidSettings_NamesEachFieldAndKeepsTheDraft()
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var before = (await Read(await admin.GetAsync("/admin/api/settings/draft", TestContext.Current.CancellationToken))).Raw;

        var response = await Read(await admin.PatchAsync("/admin/api/settings/draft",
            JsonContent.Create(new { email = new { linkExpiresIn = 5 }, smtp = new { port = 70000 } }), TestContext.Current.CancellationToken));

        var fields = response.ValidationFields().ToList();
        Assert.Contains("email.linkExpiresIn", fields);
        Assert.Contains("smtp.port", fields);
        var after = (await Read(await admin.GetAsync("/admin/api/settings/draft", TestContext.Current.CancellationToken))).Raw;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Draft_Secrets_AreEncryptedMaskedAndKeptWhenWrittenBack()
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        const string secret = "smtp-secret-value-42";
        (await Read(await admin.PatchAsync("/admin/api/settings/draft",
            JsonContent.Create(new { smtp = new { host = "smtp.example.com", fromEmail = "no-reply@example.com", password = secret } }),
            TestContext.Current.CancellationToken))).AssertStatus(HttpStatusCode.OK);

        var draft = await Read(await admin.GetAsync("/admin/api/settings/draft", TestContext.Current.CancellationToken));
        Assert.Equal("********", draft.Body!["settings"]!["smtp"]!["password"]!.GetValue<string>());
        Assert.DoesNotContain(secret, draft.Raw);

        // Writing the masked document back keeps the secret.
        var put = await Read(await admin.PutAsJsonAsync("/admin/api/settings/draft", draft.Body!["settings"], TestContext.Current.CancellationToken));
        put.AssertStatus(HttpStatusCode.OK);
        var published = await Read(await admin.PostAsJsonAsync("/admin/api/settings/publish", new { note = "smtp" }, TestContext.Current.CancellationToken));
        published.AssertStatus(HttpStatusCode.OK);
        Assert.DoesNotContain(secret, published.Raw);

        await using var db = Db();
        var stored = await db.SettingsDrafts.Select(d => d.Json).SingleAsync(TestContext.Current.CancellationToken);
        var revisions = await db.SettingsRevisions.Select(r => r.Json).ToListAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(secret, stored);
        Assert.All(revisions, r => Assert.DoesNotContain(secret, r));
        Assert.Equal(secret, Fixture.Factory.Services.GetSettings().Smtp.Password);

        var export = await Read(await admin.GetAsync("/admin/api/settings/export", TestContext.Current.CancellationToken));
        Assert.Null(export.Body!["smtp"]!["password"]);
        Assert.DoesNotContain(secret, export.Raw);
    }

    [Fact]
    public async Task Import_AnExport_KeepsStoredSecrets()
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        (await Read(await admin.PatchAsync("/admin/api/settings/draft",
            JsonContent.Create(new { providers = new { github = new { enabled = true, clientId = "gh-id", clientSecret = "gh-secret" } } }),
            TestContext.Current.CancellationToken))).AssertStatus(HttpStatusCode.OK);
        var export = await Read(await admin.GetAsync("/admin/api/settings/export", TestContext.Current.CancellationToken));
        export.Body!["app"]!["name"] = "Imported";

        var import = await Read(await admin.PostAsJsonAsync("/admin/api/settings/import", export.Body, TestContext.Current.CancellationToken));

        import.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Imported", import.Body!["settings"]!["app"]!["name"]!.GetValue<string>());
        Assert.Equal("********", import.Body!["settings"]!["providers"]!["github"]!["clientSecret"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_CreatesNumberedRevisions_AndRollbackRepublishesOldContent()
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        await Patch(admin, new { app = new { name = "First" } });
        var first = await Publish(admin, "first");
        await Patch(admin, new { app = new { name = "Second" } });
        var second = await Publish(admin, "second");
        Assert.Equal(first + 1, second);

        var list = await Read(await admin.GetAsync("/admin/api/settings/revisions", TestContext.Current.CancellationToken));
        var newest = list.Json!.AsArray()[0]!;
        Assert.Equal(second, newest["revision"]!.GetValue<int>());
        Assert.Equal("second", newest["note"]!.GetValue<string>());
        Assert.Equal(AuthAppFactory.OperatorEmail, newest["publishedBy"]!.GetValue<string>());

        var old = await Read(await admin.GetAsync($"/admin/api/settings/revisions/{first}", TestContext.Current.CancellationToken));
        Assert.Equal("First", old.Body!["settings"]!["app"]!["name"]!.GetValue<string>());

        var rollback = await Read(await admin.PostAsync($"/admin/api/settings/revisions/{first}/rollback", null, TestContext.Current.CancellationToken));
        rollback.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(second + 1, rollback.Body!["revision"]!.GetValue<int>());
        Assert.Equal("First", Fixture.Factory.Services.GetSettings().App.Name);

        (await Read(await admin.GetAsync("/admin/api/settings/revisions/9999", TestContext.Current.CancellationToken)))
            .AssertError(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Draft_UnpublishedChanges_AreFlaggedUntilPublished()
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var patched = await Patch(admin, new { app = new { name = "Pending" } });
        Assert.True(patched.Body!["hasUnpublishedChanges"]!.GetValue<bool>());
        Assert.NotEqual("Pending", Fixture.Factory.Services.GetSettings().App.Name);

        await Publish(admin, null);
        var draft = await Read(await admin.GetAsync("/admin/api/settings/draft", TestContext.Current.CancellationToken));
        Assert.False(draft.Body!["hasUnpublishedChanges"]!.GetValue<bool>());
        Assert.Equal("Pending", Fixture.Factory.Services.GetSettings().App.Name);
    }

    [Fact]
    public async Task Users_ListGetAndDelete()
    {
        await Fixture.PublishAsync(new { email = new { confirmEmail = false } });
        var (email, token, user) = await SignUpWithSessionAsync(NewEmail("findme"));
        var id = user["_id"]!.GetValue<string>();
        using var admin = await Fixture.CreateOperatorClientAsync();

        var list = await Read(await admin.GetAsync($"/admin/api/users?query={Uri.EscapeDataString(email.ToUpperInvariant())}", TestContext.Current.CancellationToken));
        var item = Assert.Single(list.Body!["items"]!.AsArray())!;
        Assert.Equal(id, item["user"]!["_id"]!.GetValue<string>());
        Assert.DoesNotContain("pbkdf2", list.Raw, StringComparison.OrdinalIgnoreCase);

        (await Read(await admin.GetAsync($"/admin/api/users/{id}", TestContext.Current.CancellationToken))).AssertStatus(HttpStatusCode.OK);
        (await Read(await admin.DeleteAsync($"/admin/api/users/{id}", TestContext.Current.CancellationToken))).AssertStatus(HttpStatusCode.OK);
        (await Read(await admin.GetAsync($"/admin/api/users/{id}", TestContext.Current.CancellationToken))).AssertError(HttpStatusCode.NotFound, "user_not_found");
        (await GetAsync("/auth/user", token)).AssertError(HttpStatusCode.Unauthorized, "invalid_session_token");
    }

    private static Task<ApiResponse> Read(HttpResponseMessage message) => ApiResponse.ReadAsync(message);

    private static async Task<ApiResponse> Patch(HttpClient admin, object patch)
    {
        var response = await Read(await admin.PatchAsync("/admin/api/settings/draft", JsonContent.Create(patch), TestContext.Current.CancellationToken));
        return response.AssertStatus(HttpStatusCode.OK);
    }

    private static async Task<int> Publish(HttpClient admin, string? note)
    {
        var response = await Read(await admin.PostAsJsonAsync("/admin/api/settings/publish", new { note }, TestContext.Current.CancellationToken));
        return response.AssertStatus(HttpStatusCode.OK).Body!["revision"]!.GetValue<int>();
    }
}
