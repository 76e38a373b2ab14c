using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>Template validation on save, the preview endpoint, and runaway templates against the live app.</summary>
public abstract class TemplateSuite(AppFixture fixture) : MessagingSuiteBase(fixture)
{
    private async Task<ApiResponse> PatchDraftAsync(object patch)
    {
        using var client = await Fixture.CreateOperatorClientAsync();
        using var content = JsonContent.Create(JsonSerializerHelper.ToNode(patch));
        return await ApiResponse.ReadAsync(await client.PatchAsync("/admin/api/settings/draft", content, Ct));
    }

    [Fact]
    public async Task SaveDraft_TemplateThatDoesNotParse_ReturnsValidationErrorWithLineAndColumn()
    {
        var response = await PatchDraftAsync(new { messages = new { magic_link = new { body = "<p>Hello</p>\n<p>{{ user.name </p>" } } });
        var fields = response.AssertError(HttpStatusCode.BadRequest, "validation_error")["details"]!["fields"]!.AsObject();
        var message = fields["messages.magic_link.body"]!.GetValue<string>();
        Assert.StartsWith("Line 2, column ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDraft_UnknownVariables_SavesWithWarnings()
    {
        var response = await PatchDraftAsync(new { messages = new { verify_sms_code = new { body = "{{ token.code }} for {{ usr.name }} {{ token.cod }}" } } });
        response.AssertStatus(HttpStatusCode.OK);
        var warning = response.Body!["warnings"]!["messages.verify_sms_code.body"]!.GetValue<string>();
        Assert.Contains("usr", warning, StringComparison.Ordinal);
        Assert.Contains("token.cod", warning, StringComparison.Ordinal);
        Assert.Equal("{{ token.code }} for {{ usr.name }} {{ token.cod }}", response.Body!["settings"]!["messages"]!["verify_sms_code"]!["body"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{{ for i in 1..1000000000 }}x{{ end }}")]
    [InlineData("{{ import \"string\" }}")]
    [InlineData("{{ include \"other\" }}")]
    [InlineData("{{ \"a\" * 100000000 }}")]
    public async Task SaveDraft_RunawayOrForbiddenTemplate_ReturnsValidationError(string body)
    {
        var response = await PatchDraftAsync(new { messages = new { confirm_email = new { body } } });
        var fields = response.AssertError(HttpStatusCode.BadRequest, "validation_error")["details"]!["fields"]!.AsObject();
        Assert.True(fields.ContainsKey("messages.confirm_email.body"), response.Raw);
    }

    [Fact]
    public async Task Preview_EmailTemplate_ReturnsSubjectHtmlTextAndNoProblems()
    {
        var response = await OperatorPostAsync("/admin/api/templates/preview", new { type = "magic_link" });
        response.AssertStatus(HttpStatusCode.OK);
        var body = response.Body!;
        Assert.Equal("Your sign-in link for My App", body["subject"]!.GetValue<string>());
        Assert.Contains("Hi Jane Doe", body["html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("http://auth.test/auth/verify?key=sample-key&action=magic-link", body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(body["errors"]!.AsArray());
        Assert.Empty(body["warnings"]!.AsArray());
        Assert.NotNull(body["smsSegments"]);
    }

    [Fact]
    public async Task Preview_EditedTextAndChosenUser_RendersThemWithEncodingAndWarnings()
    {
        var email = NewEmail();
        var signUp = await PostAsync("/auth/signup-email", new { email, password = Password, name = "<b>Bob</b>", redirectURL = RedirectUrl });
        var userId = signUp.Body!["user"]!["_id"]!.GetValue<string>();

        var response = await OperatorPostAsync("/admin/api/templates/preview",
            new { type = "confirm_email", subject = "Hi {{ user.name }}\r\nBcc: x@y.z", body = "<p>{{ user.name }} {{ user.email }} {{ nope }}</p>", userId });
        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Hi <b>Bob</b> Bcc: x@y.z", response.Body!["subject"]!.GetValue<string>());
        Assert.Equal($"<p>&lt;b&gt;Bob&lt;/b&gt; {email} </p>", response.Body!["html"]!.GetValue<string>());
        Assert.Contains("nope", response.Body!["warnings"]!.AsArray().Single()!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_BadTemplate_ReturnsErrorsWithLineAndColumn()
    {
        var response = await OperatorPostAsync("/admin/api/templates/preview", new { type = "signin_sms_code", body = "ok\n  {{ if }}" });
        response.AssertStatus(HttpStatusCode.OK);
        var error = response.Body!["errors"]!.AsArray().First()!.AsObject();
        Assert.Equal(2, error["line"]!.GetValue<int>());
        Assert.True(error["column"]!.GetValue<int>() > 0);
        Assert.Null(response.Body!["text"]);
    }

    [Theory]
    [InlineData("{{ token.code }} is your code", "GSM-7", 1)]
    [InlineData("{{ token.code }} est votre code – merci 😀", "UCS-2", 1)]
    public async Task Preview_SmsTemplate_CountsSegments(string body, string encoding, int segments)
    {
        var response = await OperatorPostAsync("/admin/api/templates/preview", new { type = "verify_sms_code", body });
        response.AssertStatus(HttpStatusCode.OK);
        var info = response.Body!["smsSegments"]!.AsObject();
        Assert.Equal(encoding, info["encoding"]!.GetValue<string>());
        Assert.Equal(segments, info["segments"]!.GetValue<int>());
        Assert.Equal(response.Body!["text"]!.GetValue<string>().Length, info["characters"]!.GetValue<int>());
        Assert.Null(response.Body!["html"]);
    }

    public static TheoryData<string> Runaways => new()
    {
        "{{ for i in 1..1000000000 }}x{{ end }}",
        "{{ func f(x); ret f(x); end; f(1) }}",
        "{{ \"a\" * 100000000 }}",
        "{{ \"\" | string.pad_left 2000000000 }}",
        "{{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}",
        "{{ " + new string('[', 5000) + new string(']', 5000) + " }}",
        "{{ import \"x\" }}",
        "{{ include \"x\" }}",
        "{{ while true }}{{ end }}",
        "{{ s = \"aaaaaaaaaa\"; for i in 1..40; s = s + s; end }}",
        "{{ object.eval \"1 + 1\" }}",
        "{{ regex.match \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" \"(a+)+$\" }}",
    };

    [Theory]
    [MemberData(nameof(Runaways))]
    public async Task Preview_RunawayTemplate_CleanErrorWithinTheDeadlineWhileHealthzStaysHealthy(string body)
    {
        var watch = Stopwatch.StartNew();
        var response = await OperatorPostAsync("/admin/api/templates/preview", new { type = "confirm_email", body });
        watch.Stop();

        response.AssertStatus(HttpStatusCode.OK);
        Assert.NotEmpty(response.Body!["errors"]!.AsArray());
        Assert.Null(response.Body!["html"]);
        // A hang guard for a loaded CI machine; the deadline itself is asserted through the error text in Auth.Core.Tests.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        (await GetAsync("/healthz")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Preview_UnknownType_ReturnsValidationError()
    {
        (await OperatorPostAsync("/admin/api/templates/preview", new { type = "welcome" })).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task Preview_WithoutOperatorToken_Unauthorized()
    {
        (await PostAsync("/admin/api/templates/preview", new { type = "magic_link" })).AssertError(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task PublishedTemplate_ReachesTheNextMessage()
    {
        await Fixture.PublishAsync(new
        {
            smtp = SmtpPatch,
            security = new { sendCooldownSeconds = 0 },
            app = new { name = "Acme" },
            messages = new { confirm_email = new { subject = "Welcome to {{ app.name }}", fromName = "Acme Team", fromEmail = "hello@acme.test", body = "<p>Go: <a href=\"{{ token.confirmationURL }}\">confirm</a> ({{ token.actionType }}, {{ token.expiresIn }})</p>" } },
        });
        var email = NewEmail();
        (await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);
        var mail = await MailAsync(email);
        Assert.Equal("Welcome to Acme", mail.Message.Subject);
        Assert.Equal("\"Acme Team\" <hello@acme.test>", mail.Message.From.ToString());
        Assert.Contains("(email-confirm, 1 hour)", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("200", (await FollowAsync(LinkIn(mail)))["status"]);
    }
}
