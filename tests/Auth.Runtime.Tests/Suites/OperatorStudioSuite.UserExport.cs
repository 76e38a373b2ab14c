using System.Net;
using System.Text.Json.Nodes;
using Auth.Core.Operators;

namespace Auth.Runtime.Tests.Suites;

public abstract partial class OperatorStudioSuite
{
    [Fact]
    public async Task UserExportDownload_StreamsForAnOwner_AndIsNotAllowedForSupport()
    {
        var (owner, _) = await NewOperatorAsync(OperatorRole.Owner);
        var (support, _) = await NewOperatorAsync(OperatorRole.Support);
        var (email, _, _) = await SignUpForExportAsync();
        using var ownerBrowser = await SignedInBrowserAsync(owner.Email, OperatorPassword);
        using var supportBrowser = await SignedInBrowserAsync(support.Email, OperatorPassword);

        using var download = await ownerBrowser.GetAsync("/users/transfer/export?format=json", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        var users = JsonNode.Parse(await download.Content.ReadAsStringAsync(Ct))!.AsArray();
        Assert.Contains(users, u => u!["email"]?.GetValue<string>() == email);
        Assert.All(users, u => Assert.Null(u!["passwordHash"]));

        using var refused = await supportBrowser.GetAsync("/users/transfer/export?format=csv", Ct);
        // Refused by the Owner policy: a 403 or the "not allowed" page, never the file.
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.RequestMessage!.RequestUri!.AbsolutePath == "/not-allowed", $"{(int)refused.StatusCode}");
        Assert.DoesNotContain(email, await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<(string Email, string? Token, JsonObject? User)> SignUpForExportAsync()
    {
        var email = NewEmail("exported");
        var response = await PostAsync("/auth/signup-email", new { email, password = Password, redirectURL = RedirectUrl });
        response.AssertStatus(HttpStatusCode.OK);
        return (email, null, response.Body!["user"]?.AsObject());
    }
}
