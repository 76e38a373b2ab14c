using System.Net;
using System.Text.RegularExpressions;
using Auth.Core.Activity;
using Auth.Core.Operators;
using Auth.Runtime.Tests.Infrastructure;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// The studio's sign-in for an operator with an authenticator: the password alone sets no cookie, the second step does,
/// and its pending step is single use; the Owner's policy limits operators without one to the enrolment page and the API.
/// </summary>
public abstract partial class OperatorMfaStudioSuite(AppFixture fixture) : OperatorMfaSuiteBase(fixture)
{
    [Fact]
    public async Task StudioSignIn_WithAnAuthenticator_SetsTheCookieOnlyAfterTheCode()
    {
        var (op, secret, _) = await EnrolledOperatorAsync();
        using var browser = Fixture.CreateClient();

        var (afterPassword, pending) = await PasswordStepAsync(browser, op.Email);
        Assert.Equal("/signin", afterPassword.AbsolutePath);
        using (var users = await browser.GetAsync("/users", Ct))
            Assert.Equal("/signin", users.RequestMessage!.RequestUri!.AbsolutePath);

        var wrong = await SecondStepAsync(browser, pending, WrongCode(secret));
        Assert.Contains("The code is not right.", wrong.Html, StringComparison.Ordinal);
        var right = await SecondStepAsync(browser, pending, Code(secret));
        Assert.Equal("/", right.Uri.AbsolutePath);
        using (var users = await browser.GetAsync("/users", Ct))
            Assert.Equal("/users", users.RequestMessage!.RequestUri!.AbsolutePath);

        // Single use: the spent pending step opens nothing, even with the next right code.
        Fixture.Time.Advance(TimeSpan.FromSeconds(30));
        using var other = Fixture.CreateClient();
        var replayed = await SecondStepAsync(other, pending, Code(secret));
        Assert.Contains("sign in again", replayed.Html, StringComparison.Ordinal);
        Assert.Contains(EventTypes.OperatorMfaFailed, await EventTypesOfAsync(op.Id));
    }

    [Fact]
    public async Task Policy_RequiringAnAuthenticator_LimitsOperatorsWithoutOne_ToEnrolment()
    {
        var (op, token) = await NewOperatorAsync(OperatorRole.Owner);
        await Policy.SetRequireTotpAsync(true, Ct);
        try
        {
            using var browser = Fixture.CreateClient();
            var (landed, _) = await PasswordStepAsync(browser, op.Email);
            Assert.Equal("/account/two-step", landed.AbsolutePath);
            using (var users = await browser.GetAsync("/users", Ct))
                Assert.Equal("/account/two-step", users.RequestMessage!.RequestUri!.AbsolutePath);
            using (var settings = await browser.GetAsync("/settings/authentication", Ct))
                Assert.Equal("/account/two-step", settings.RequestMessage!.RequestUri!.AbsolutePath);

            using var api = ClientWith(token);
            (await SendAsync(api, "GET", "/admin/api/operators")).AssertError(HttpStatusCode.Forbidden, "mfa_enrollment_required");
            (await TokenAsync(new { email = op.Email, password = OperatorPassword })).AssertError(HttpStatusCode.Forbidden, "mfa_enrollment_required");

            // Enrolling lifts the limit at the next request: the cookie is re-issued without it.
            var started = await Totp.StartAsync(op.Id, Ct);
            Assert.True((await Totp.ConfirmAsync(op.Id, started.Value.FactorId, Code(OtpNet.Base32Encoding.ToBytes(started.Value.Secret)), Ct)).IsSuccess);
            using (var users = await browser.GetAsync("/users", Ct))
                Assert.Equal("/users", users.RequestMessage!.RequestUri!.AbsolutePath);
        }
        finally
        {
            await Policy.SetRequireTotpAsync(false, CancellationToken.None);
        }

        await using var db = Db();
        Assert.Equal(2, db.Events.Count(e => e.Type == EventTypes.OperatorMfaPolicyChanged && e.OccurredAt >= op.CreatedAt));
    }

    [Fact]
    public async Task OwnerReset_RemovesTheFactor_SoThePasswordAloneSignsInAgain()
    {
        var (op, _, _) = await EnrolledOperatorAsync(OperatorRole.Support);

        Assert.True((await Totp.ResetAsync(op.Id, Ct)).IsSuccess);

        (await TokenAsync(new { email = op.Email, password = OperatorPassword })).AssertStatus(HttpStatusCode.OK);
        Assert.Contains(EventTypes.OperatorMfaReset, await EventTypesOfAsync(op.Id));
    }

    private async Task<(Uri Landed, string Pending)> PasswordStepAsync(HttpClient browser, string email)
    {
        var form = Antiforgery(await browser.GetStringAsync("/signin", Ct));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = form,
            ["Input.Email"] = email,
            ["Input.Password"] = OperatorPassword,
        });
        using var response = await browser.PostAsync("/signin", content, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return (response.RequestMessage!.RequestUri!, PendingField().Match(html).Groups[1].Value);
    }

    private async Task<(Uri Uri, string Html)> SecondStepAsync(HttpClient browser, string pending, string code)
    {
        var form = Antiforgery(await browser.GetStringAsync("/signin", Ct));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin-second",
            ["__RequestVerificationToken"] = form,
            ["Second.PendingToken"] = pending,
            ["Second.Code"] = code,
        });
        using var response = await browser.PostAsync("/signin", content, Ct);
        return (response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync(Ct));
    }

    private static string Antiforgery(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"Second.PendingToken\" value=\"([^\"]+)\"")]
    private static partial Regex PendingField();
}
