using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Auth.Core.Activity;
using Auth.Core.Users;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using BCryptNet = BCrypt.Net.BCrypt;

namespace Auth.Runtime.Tests.Users;

/// <summary>
/// Users moved in with their password hashes and out without them (ADR 0020), on the real host: sign-in with the
/// original password, the rehash, idempotent re-import, per-row errors, and an export imported into a fresh database.
/// </summary>
public abstract partial class UserTransferSuite(AppFixture fixture) : SuiteBase(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Another app over another, empty database of the same provider.</summary>
    protected abstract AppFixture FreshFixture();

    public static TheoryData<string> HashFormats => ["bcrypt", "identity-v3", "pbkdf2"];

    [Theory]
    [MemberData(nameof(HashFormats))]
    public async Task Import_UserWithHash_SignsInWithTheOriginalPassword_AndTheStoredHashBecomesOurs(string format)
    {
        var email = NewEmail("moved");
        var hash = HashIn(format, Password);
        using var op = await Fixture.CreateOperatorClientAsync();

        var report = await ImportAsync(op, Json(new JsonObject { ["email"] = email, ["emailVerified"] = true, ["passwordHash"] = hash, ["passwordHashFormat"] = format }), "json");

        report.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(1, report.Body!["created"]!.GetValue<int>());
        (await PostAsync("/auth/signin-email", new { email, password = "wrong password" })).AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        var stillImported = await StoredHashAsync(email);
        Assert.False(PasswordHasher.IsOwnFormat(stillImported) && format != "pbkdf2");

        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);

        var rehashed = await StoredHashAsync(email);
        Assert.True(PasswordHasher.IsOwnFormat(rehashed), rehashed);
        Assert.NotEqual(stillImported, rehashed);
        Assert.False(ImportedPasswordHashes.IsImported(rehashed));
        (await PostAsync("/auth/signin-email", new { email, password = Password })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondCreatesNothingAndReportsExisting()
    {
        var (a, b) = (NewEmail("again"), NewEmail("again"));
        var file = $"email,phone,name,passwordHash\r\n{a},,Ann,{HashIn("bcrypt", Password)}\r\n{b},+1415{Random.Shared.Next(2_000_000, 9_999_999)},Bo,\r\n";
        using var op = await Fixture.CreateOperatorClientAsync();

        var first = (await ImportAsync(op, file, "csv")).AssertStatus(HttpStatusCode.OK).Body!;
        var hashAfterFirst = await StoredHashAsync(a);
        var second = (await ImportAsync(op, file, "csv")).AssertStatus(HttpStatusCode.OK).Body!;

        Assert.Equal((2, 2, 0, 0), Counts(first));
        Assert.Equal((2, 0, 2, 0), Counts(second));
        await using var db = Db();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == a, Ct));
        Assert.Equal(hashAfterFirst, await StoredHashAsync(a));
    }

    [Fact]
    public async Task Import_BadRows_ReportsRowFieldAndCode_AndWritesOnlyTheRowsThatPass()
    {
        var good = NewEmail("good");
        var taken = (await SeedUserAsync(NewEmail("taken"))).NormalizedEmail;
        var file = new StringBuilder("email,phone,emailVerified,name,userData,passwordHash,provider,providerUserId\r\n")
            .Append($"{good},,true,Ann,\"{{\"\"plan\"\":\"\"pro\"\"}}\",{HashIn("bcrypt", Password)},,\r\n")
            .Append("not-an-email,,,,,,,\r\n")
            .Append($"{NewEmail()},,,,\"[1,2]\",,,\r\n")
            .Append($"{good.ToUpperInvariant()},,,,,,,\r\n")
            .Append($"{NewEmail()},,,,,md5:0cc175b9c0f1b6a8,,\r\n")
            .Append($"{NewEmail()},,,,,,github,\r\n")
            .Append($"{NewEmail()},,maybe,,,,,\r\n")
            .Append($"{taken},,,,,,,\r\n").ToString();
        using var op = await Fixture.CreateOperatorClientAsync();

        var report = (await ImportAsync(op, file, "csv")).AssertStatus(HttpStatusCode.OK).Body!;

        Assert.Equal((8, 1, 1, 6), Counts(report));
        var errors = report["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["field"]!.GetValue<string>(), e["code"]!.GetValue<string>()));
        Assert.Equal(
            [(2, "email", "validation_error"), (3, "userData", "validation_error"), (4, "email", "duplicate_in_file"),
             (5, "passwordHash", "unsupported_password_hash"), (6, "providerUserId", "validation_error"), (7, "emailVerified", "validation_error")],
            errors);
        // Each row's message is its own sentence, not the envelope's generic "The request is not valid."
        Assert.All(report["errors"]!.AsArray(), e => Assert.NotEqual("The request is not valid.", e!["message"]!.GetValue<string>()));
        await using var db = Db();
        var created = await db.Users.SingleAsync(u => u.NormalizedEmail == good, Ct);
        Assert.Equal(("Ann", "{\"plan\":\"pro\"}", true), (created.Name, created.UserData, created.EmailVerified));
    }

    [Fact]
    public async Task Import_DryRun_ReportsWhatWouldHappen_AndWritesNothing()
    {
        var email = NewEmail("dry");
        using var op = await Fixture.CreateOperatorClientAsync();
        var eventsBefore = await EventCountAsync(EventTypes.UsersImported);

        var report = (await ImportAsync(op, $"email\r\n{email}\r\nbroken@\r\n", "csv", dryRun: true)).AssertStatus(HttpStatusCode.OK).Body!;

        Assert.Equal((2, 1, 0, 1), Counts(report));
        Assert.True(report["dryRun"]!.GetValue<bool>());
        await using var check = Db();
        Assert.False(await check.Users.AnyAsync(u => u.NormalizedEmail == email, Ct));
        Assert.Equal(eventsBefore, await EventCountAsync(EventTypes.UsersImported));
    }

    [Fact]
    public async Task Import_BrokenFileOrUnknownFormat_IsRefusedWhole()
    {
        var email = NewEmail("broken");
        using var op = await Fixture.CreateOperatorClientAsync();

        var broken = await ImportAsync(op, $"[{{\"email\":\"{email}\"}}, {{\"email\": ", "json");
        Assert.Equal(["file"], broken.ValidationFields());
        Assert.Equal(["format"], (await ImportAsync(op, "email\r\n", "xml")).ValidationFields());
        await using var db = Db();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == email, Ct));
    }

    protected static string HashIn(string format, string password) => format switch
    {
        "bcrypt" => BCryptNet.HashPassword(password, BCryptNet.GenerateSalt(4)),
        "identity-v3" => new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 })).HashPassword(new object(), password),
        _ => PasswordHashFormat.Create(password, 1000),
    };

    protected static string Json(params JsonObject[] users) => new JsonArray(users.Select(u => (JsonNode)u).ToArray()).ToJsonString();

    protected static async Task<ApiResponse> ImportAsync(HttpClient op, string content, string format, bool dryRun = false)
    {
        using var body = new StringContent(content, Encoding.UTF8, format == "csv" ? "text/csv" : "application/json");
        return await ApiResponse.ReadAsync(await op.PostAsync($"/admin/api/users/import?format={format}&dryRun={(dryRun ? "true" : "false")}", body, Ct));
    }

    protected static (int Rows, int Created, int Existing, int Failed) Counts(JsonObject report) =>
        (report["rows"]!.GetValue<int>(), report["created"]!.GetValue<int>(), report["existing"]!.GetValue<int>(), report["failed"]!.GetValue<int>());

    protected async Task<string?> StoredHashAsync(string email)
    {
        await using var db = Db();
        return await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.PasswordHash).SingleAsync(Ct);
    }

    protected async Task<int> EventCountAsync(string type)
    {
        await using var db = Db();
        return await db.Events.CountAsync(e => e.Type == type, Ct);
    }
}
