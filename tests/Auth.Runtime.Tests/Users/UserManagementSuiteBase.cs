using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Auth.Runtime.Tests.Infrastructure;
using Auth.Runtime.Tests.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Auth.Runtime.Tests.Users;

/// <summary>Operator calls of the user management API, on the real host with a real SMTP server behind the outbox.</summary>
public abstract class UserManagementSuiteBase(AppFixture fixture) : MessagingSuiteBase(fixture)
{

    protected static string NewPhone() => "+1415" + Random.Shared.Next(2_000_000, 9_999_999);

    protected async Task<ApiResponse> AdminAsync(string method, string path, object? body = null)
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await ApiResponse.ReadAsync(await admin.SendAsync(request, Ct));
    }

    /// <summary>Creates a user through the API and returns its id.</summary>
    protected async Task<string> CreateAsync(object body)
    {
        var created = await AdminAsync("POST", "/admin/api/users", body);
        created.AssertStatus(HttpStatusCode.OK);
        return created.Body!["user"]!["_id"]!.GetValue<string>();
    }

    protected static JsonObject UserOf(ApiResponse response) => response.Body!["user"]!.AsObject();

    /// <summary>The event types recorded about a user, oldest first, with who acted.</summary>
    protected async Task<List<(string Type, string Actor)>> EventsAsync(string userId)
    {
        await using var db = Db();
        return (await db.Events.Where(e => e.UserId == userId).OrderBy(e => e.Id).Select(e => new { e.Type, e.ActorType }).ToListAsync(Ct))
            .Select(e => (e.Type, e.ActorType)).ToList();
    }
}
