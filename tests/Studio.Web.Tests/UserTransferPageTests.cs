using Auth.Core.Activity;
using Auth.Core.Users;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Studio.Web.Components.Pages.Users;
using Studio.Web.Tests.Infrastructure;

namespace Studio.Web.Tests;

/// <summary>The import/export page over the real import service and a real SQLite file: check first, then import.</summary>
public sealed class UserTransferPageTests : StudioTest
{
    private const string File = "email,name,passwordHash\r\nada@example.test,Ada,$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW\r\nnot-an-email,Bob,\r\nlinus@example.test,Linus,\r\n";

    [Fact]
    public async Task CheckFile_ShowsCountsAndRowErrors_AndWritesNothing_ThenImportWritesTheRowsThatPass()
    {
        await UserSeed.AddUserAsync(Services, "linus@example.test");
        var host = RenderPage<UserTransfer>();
        host.WaitForElement("[data-test=import-card]");
        Assert.True(host.Find("[data-test=import-run]").HasAttribute("disabled"));

        host.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(File, "users.csv", contentType: "text/csv"));
        host.Find("[data-test=import-check]").Click();

        host.WaitForAssertion(() => Assert.Contains("3 rows: 1 would be created, 1 already exist, 1 refused",
            host.Find("[data-test=import-report]").TextContent, StringComparison.Ordinal));
        var errors = host.Find("[data-test=import-errors]").TextContent;
        Assert.Contains("2", errors, StringComparison.Ordinal);
        Assert.Contains("validation_error", errors, StringComparison.Ordinal);
        await using (var db = await OpenDbAsync())
            Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == "ada@example.test", Ct));

        host.WaitForAssertion(() => Assert.False(host.Find("[data-test=import-run]").HasAttribute("disabled")));
        host.Find("[data-test=import-run]").Click();

        host.WaitForAssertion(() => Assert.Contains("3 rows: 1 created, 1 already exist, 1 refused",
            host.Find("[data-test=import-report]").TextContent, StringComparison.Ordinal));
        await using var check = await OpenDbAsync();
        var ada = await check.Users.SingleAsync(u => u.NormalizedEmail == "ada@example.test", Ct);
        Assert.True(ImportedPasswordHashes.IsImported(ada.PasswordHash));
        Assert.Equal(1, await check.Events.CountAsync(e => e.Type == EventTypes.UsersImported, Ct));
        Assert.True(host.Find("[data-test=import-run]").HasAttribute("disabled"));
    }

    [Fact]
    public void BrokenFile_ShowsTheProblem_AndNoReport()
    {
        var host = RenderPage<UserTransfer>();
        host.WaitForElement("[data-test=import-card]");

        host.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("[{\"email\": ", "users.json", contentType: "application/json"));
        host.Find("[data-test=import-check]").Click();

        host.WaitForAssertion(() => Assert.Contains("not a JSON array", host.Find("[data-test=import-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(host.FindAll("[data-test=import-report]"));
        Assert.True(host.Find("[data-test=import-run]").HasAttribute("disabled"));
    }

    [Fact]
    public void ExportButtons_LinkToTheStreamedDownload()
    {
        var host = RenderPage<UserTransfer>();

        Assert.Equal("/users/transfer/export?format=csv", host.Find("[data-test=export-csv]").GetAttribute("href"));
        Assert.Equal("/users/transfer/export?format=json", host.Find("[data-test=export-json]").GetAttribute("href"));
    }
}
