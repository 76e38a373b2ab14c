using System.Net;
using System.Text.Json.Nodes;
using Auth.Core.Activity;
using Auth.Core.Data.Entities;
using Auth.Core.Users;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Users;

public abstract partial class UserTransferSuite
{
    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Export_ThenImportIntoAFreshDatabase_GivesTheSameUsers(string format)
    {
        await SeedUserAsync(NewEmail("formula"), name: "=HYPERLINK(\"http://evil\")", phone: "+1415" + Random.Shared.Next(2_000_000, 9_999_999), verified: true);
        await SeedUserAsync(NewEmail("quoted"), name: "Smith, \"Jo\"\r\nsecond line", userData: new JsonObject { ["plan"] = "pro", ["n"] = 3 }.ToJsonString(), disabled: true);
        await SeedUserAsync(NewEmail("oauth"), provider: "github", lastLogin: Fixture.Time.GetUtcNow().UtcDateTime.AddDays(-1));
        using var op = await Fixture.CreateOperatorClientAsync();
        var exportsBefore = await EventCountAsync(EventTypes.UsersExported);

        var response = await op.GetAsync($"/admin/api/users/export?format={format}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = await response.Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("pbkdf2", file, StringComparison.Ordinal);
        Assert.DoesNotContain("$2a$", file, StringComparison.Ordinal);
        if (format == "csv")
        {
            Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", file, StringComparison.Ordinal);
            Assert.Contains(",'+1415", file, StringComparison.Ordinal);
        }
        Assert.Equal(exportsBefore + 1, await EventCountAsync(EventTypes.UsersExported));
        var source = await SnapshotAsync(Fixture);

        var fresh = FreshFixture();
        await fresh.InitializeAsync();
        try
        {
            await fresh.PublishAsync();
            using var freshOp = await fresh.CreateOperatorClientAsync();
            var report = (await ImportAsync(freshOp, file, format)).AssertStatus(HttpStatusCode.OK).Body!;

            Assert.Equal((source.Count, source.Count, 0, 0), Counts(report));
            Assert.Equal(source, await SnapshotAsync(fresh));
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Fact]
    public async Task FirstSignIns_InParallel_AfterAnImport_RehashOnce()
    {
        var email = NewEmail("parallel");
        using var op = await Fixture.CreateOperatorClientAsync();
        // A bcrypt cost that keeps the sign-ins hashing side by side for a while.
        var hash = BCrypt.Net.BCrypt.HashPassword(Password, BCrypt.Net.BCrypt.GenerateSalt(10));
        (await ImportAsync(op, Json(new JsonObject { ["email"] = email, ["emailVerified"] = true, ["passwordHash"] = hash }), "json")).AssertStatus(HttpStatusCode.OK);
        await RecordHashChangesAsync();

        using var start = new SemaphoreSlim(0, 4);
        var attempts = Enumerable.Range(0, 4).Select(async _ =>
        {
            await start.WaitAsync(Ct);
            return await PostAsync("/auth/signin-email", new { email, password = Password });
        }).ToArray();
        start.Release(4);
        var responses = await Task.WhenAll(attempts);

        Assert.All(responses, r => r.AssertStatus(HttpStatusCode.OK));
        await using var db = Db();
        var id = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync(Ct);
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS Value FROM TestHashChanges WHERE UserId = {{0}}", id).SingleAsync(Ct));
        Assert.True(PasswordHasher.IsOwnFormat(await StoredHashAsync(email)));
    }

    [Fact]
    public async Task ImportEvents_CarryCountsAndFormat_NeverAHash()
    {
        using var op = await Fixture.CreateOperatorClientAsync();
        var hash = HashIn("identity-v3", Password);

        (await ImportAsync(op, Json(new JsonObject { ["email"] = NewEmail("event"), ["passwordHash"] = hash }), "json")).AssertStatus(HttpStatusCode.OK);

        await using var db = Db();
        var latest = await db.Events.Where(e => e.Type == EventTypes.UsersImported).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).FirstAsync(Ct);
        var detail = EventDetail.Parse(latest.Detail)!;
        Assert.Equal((1, 0, 0, "json"), (detail.Count, detail.Existing, detail.Failed, detail.Format));
        Assert.Equal(ActorTypes.Operator, latest.ActorType);
        Assert.DoesNotContain(hash[..12], latest.Detail!, StringComparison.Ordinal);
    }

    /// <summary>A trigger on the real database logs every change of a stored hash's value (test instrumentation only).</summary>
    private async Task RecordHashChangesAsync()
    {
        await using var db = Db();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS TestHashChanges (UserId TEXT NOT NULL)", Ct);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER IF NOT EXISTS TestHashChangesTrigger AFTER UPDATE OF PasswordHash ON Users " +
                "WHEN OLD.PasswordHash IS NOT NEW.PasswordHash BEGIN INSERT INTO TestHashChanges VALUES (NEW.Id); END", Ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("IF OBJECT_ID('TestHashChanges') IS NULL CREATE TABLE TestHashChanges (UserId nvarchar(24) NOT NULL)", Ct);
        await db.Database.ExecuteSqlRawAsync(
            "IF OBJECT_ID('TestHashChangesTrigger') IS NULL EXEC('CREATE TRIGGER TestHashChangesTrigger ON Users AFTER UPDATE AS " +
            "INSERT INTO TestHashChanges SELECT i.Id FROM inserted i JOIN deleted d ON i.Id = d.Id " +
            "WHERE ISNULL(i.PasswordHash, '''') <> ISNULL(d.PasswordHash, '''')')", Ct);
    }

    protected async Task<User> SeedUserAsync(
        string email, string? name = null, string? phone = null, bool verified = false, string? userData = null, bool disabled = false,
        string provider = User.LocalProvider, DateTime? lastLogin = null)
    {
        var id = UserId.New(Fixture.Time);
        var user = new User
        {
            Id = id, Provider = provider, ProviderUserId = provider == User.LocalProvider ? id : "gh-" + id, Email = email,
            NormalizedEmail = email, Phone = phone, EmailVerified = verified, PhoneVerified = verified && phone is not null, Name = name,
            UserData = userData, Disabled = disabled, SignUpAt = Fixture.Time.GetUtcNow().UtcDateTime.AddMinutes(-Random.Shared.Next(1, 10_000)),
            LastLoginAt = lastLogin,
        };
        await using var db = Db();
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return user;
    }

    /// <summary>Every user as an export carries it, in id order.</summary>
    private static async Task<List<string>> SnapshotAsync(AppFixture on)
    {
        await using var db = on.Factory.Services.GetRequiredService<IDbContextFactory<Core.Data.AuthDbContext>>().CreateDbContext();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(Ct);
        return users.Select(u => string.Join(" | ", u.Id, u.Email, u.NormalizedEmail, u.Phone, u.EmailVerified, u.PhoneVerified, u.Name, u.UserData,
            u.Provider, u.ProviderUserId, u.SignUpAt.Ticks, u.LastLoginAt?.Ticks, u.Disabled)).ToList();
    }
}
