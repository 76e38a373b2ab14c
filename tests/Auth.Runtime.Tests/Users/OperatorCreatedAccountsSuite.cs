using System.Net;
using System.Text;
using Auth.Core.Housekeeping;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Users;

/// <summary>
/// Accounts an operator created or imported are the operator's word, not a squatter's (ADR 0007, 0020, 0022): with
/// confirmation on, unverified, they are neither purged after the unverified-account TTL nor replaced by a stranger's
/// sign-up with the same address, while a real squatter's sign-up still is.
/// </summary>
public abstract class OperatorCreatedAccountsSuite(AppFixture fixture) : UserManagementSuiteBase(fixture)
{
    [Fact]
    public async Task Sweeper_ImportedAndCreatedUnverifiedAccounts_AreKept_ASquattersSignUpIsPurged()
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, email = new { unverifiedAccountTtlHours = 2 }, security = new { sendCooldownSeconds = 0 } });
        var (imported, created, squatted) = (NewEmail("imported"), NewEmail("created"), NewEmail("squatted"));
        using (var op = await Fixture.CreateOperatorClientAsync())
        {
            // Signed up years ago in the old system, never verified there: the file says so.
            using var file = new StringContent($"email,emailVerified,createdAt\r\n{imported},false,2020-01-01T00:00:00Z\r\n", Encoding.UTF8, "text/csv");
            var report = await ApiResponse.ReadAsync(await op.PostAsync("/admin/api/users/import?format=csv", file, Ct));
            report.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(1, report.Body!["created"]!.GetValue<int>());
        }
        await CreateAsync(new { email = created, password = Password });
        (await PostAsync("/auth/signup-email", new { email = squatted, password = Password, redirectURL = RedirectUrl })).AssertStatus(HttpStatusCode.OK);

        Fixture.Time.Advance(TimeSpan.FromHours(3));
        await Services.GetRequiredService<HousekeepingScheduler>().RunOnceAsync(Ct);

        await using var db = Db();
        Assert.True(await db.Users.AnyAsync(u => u.NormalizedEmail == imported, Ct), "the imported account was purged");
        Assert.True(await db.Users.AnyAsync(u => u.NormalizedEmail == created, Ct), "the operator's account was purged");
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == squatted, Ct), "the squatter's sign-up outlived its TTL");
    }

    [Fact]
    public async Task SignUpWithEmail_OverAnOperatorCreatedUnverifiedAccount_LeavesItAndItsPasswordAlone()
    {
        await Fixture.PublishAsync(new { smtp = SmtpPatch, security = new { sendCooldownSeconds = 0 } });
        var email = NewEmail("created");
        var id = await CreateAsync(new { email, password = Password, name = "Ada", userData = new { plan = "pro" } });
        string? hashBefore;
        await using (var db = Db())
            hashBefore = await db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync(Ct);

        var stranger = await PostAsync("/auth/signup-email", new { email, password = "a stranger's password", redirectURL = RedirectUrl });

        Assert.NotEqual(HttpStatusCode.InternalServerError, stranger.Status);
        await using var check = Db();
        var user = await check.Users.SingleAsync(u => u.NormalizedEmail == email, Ct);
        Assert.Equal(id, user.Id);
        Assert.Equal(hashBefore, user.PasswordHash);
        Assert.Equal("Ada", user.Name);
    }
}
