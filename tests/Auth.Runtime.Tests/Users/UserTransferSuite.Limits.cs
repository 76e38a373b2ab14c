using System.Net;
using System.Text;
using Auth.Core.Users.Transfer;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Users;

/// <summary>The import's caps answer 413 with a clear message, and nothing of such a file is written.</summary>
public abstract partial class UserTransferSuite
{
    [Fact]
    public async Task Import_OneRowMoreThanTheCap_Is413AndWritesNothing()
    {
        var prefix = "cap" + Guid.NewGuid().ToString("N")[..8];
        var file = new StringBuilder("email\r\n", (UserImport.MaxRows + 2) * 32);
        for (var i = 0; i <= UserImport.MaxRows; i++) file.Append(prefix).Append(i).Append("@example.test\r\n");
        using var op = await Fixture.CreateOperatorClientAsync();

        var response = await ImportAsync(op, file.ToString(), "csv");

        response.AssertError(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Contains("200,000 rows", response.Raw, StringComparison.Ordinal);
        await using var db = Db();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail!.StartsWith(prefix), Ct));
    }

    [Fact]
    public async Task Import_FileOverTheSizeCap_Is413AndWritesNothing()
    {
        var email = NewEmail("big");
        // A valid first row, then padding in a quoted name until the body is one byte over the cap.
        var head = $"email,name\r\n{email},\"";
        var padding = new string('x', (int)(UserImport.MaxFileBytes - Encoding.UTF8.GetByteCount(head)) + 1);
        using var op = await Fixture.CreateOperatorClientAsync();

        var response = await ImportAsync(op, head + padding + "\"\r\n", "csv");

        response.AssertError(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await using var db = Db();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == email, Ct));
    }
}
