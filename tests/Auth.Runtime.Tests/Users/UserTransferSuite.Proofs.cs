using System.Net;
using System.Text.Json.Nodes;
using Auth.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Users;

public abstract partial class UserTransferSuite
{
    protected override object? Baseline => new { phone = new { enabled = true } };

    [Fact]
    public async Task ImportedHash_IsAcceptedByPhoneSignIn_AndAsTheCurrentPasswordOfAPasswordChange()
    {
        var phone = "+1415" + Random.Shared.Next(2_000_000, 9_999_999);
        var hash = HashIn("bcrypt", Password);
        using var op = await Fixture.CreateOperatorClientAsync();
        (await ImportAsync(op, Json(new JsonObject { ["phone"] = phone, ["phoneVerified"] = true, ["passwordHash"] = hash }), "json"))
            .AssertStatus(HttpStatusCode.OK);

        var signIn = (await PostAsync("/auth/signin-phone", new { phone, password = Password })).AssertStatus(HttpStatusCode.OK);
        var session = signIn.Body!["session"]!["token"]!.GetValue<string>();
        await using (var db = Db())
        {
            Assert.True(PasswordHasher.IsOwnFormat(await db.Users.Where(u => u.Phone == phone).Select(u => u.PasswordHash).SingleAsync(Ct)));
            // As if this session had been opened another way before the first password sign-in: the imported hash is the proof.
            await db.Users.Where(u => u.Phone == phone).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash), Ct);
        }

        (await PostAsync("/auth/change-pwd", new { currentPassword = "not the password", newPassword = "a new password 2" }, session))
            .AssertError(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await PostAsync("/auth/change-pwd", new { currentPassword = Password, newPassword = "a new password 2" }, session)).AssertStatus(HttpStatusCode.OK);

        (await PostAsync("/auth/signin-phone", new { phone, password = "a new password 2" })).AssertStatus(HttpStatusCode.OK);
    }
}
