using System.Net;
using Auth.Core.Operators;
using Auth.Runtime.Admin;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Suites;

/// <summary>
/// Which roles may call each management route (ADR 0017). <see cref="Routes"/> is the decision per route; the route
/// map must match it exactly, so a new route without a decision fails here, and each route is called as Support.
/// </summary>
public abstract class OperatorRolesSuite(AppFixture fixture) : OperatorSuiteBase(fixture)
{
    private const string Owner = "Owner only";
    private const string Both = "Owner and Support";
    private const string AnyId = "000000000000000000000000";

    public static TheoryData<string, string, string> Routes => new()
    {
        { "GET", "/admin/api/settings/draft", Owner },
        { "PUT", "/admin/api/settings/draft", Owner },
        { "PATCH", "/admin/api/settings/draft", Owner },
        { "POST", "/admin/api/settings/publish", Owner },
        { "GET", "/admin/api/settings/revisions", Owner },
        { "GET", "/admin/api/settings/revisions/{number:int}", Owner },
        { "POST", "/admin/api/settings/revisions/{number:int}/rollback", Owner },
        { "GET", "/admin/api/settings/export", Owner },
        { "POST", "/admin/api/settings/import", Owner },
        { "POST", "/admin/api/templates/preview", Owner },
        { "GET", "/admin/api/operators", Owner },
        { "POST", "/admin/api/operators", Owner },
        { "PUT", "/admin/api/operators/{id}/role", Owner },
        { "DELETE", "/admin/api/operators/{id}", Owner },
        { "POST", "/admin/api/operators/{id}/unlock", Owner },
        { "POST", "/admin/api/operators/me/password", Both },
        { "GET", "/admin/api/users", Both },
        { "GET", "/admin/api/users/export", Owner },
        { "POST", "/admin/api/users/import", Owner },
        { "GET", "/admin/api/users/{id}", Both },
        { "DELETE", "/admin/api/users/{id}", Both },
        { "DELETE", "/admin/api/users/{id}/mfa", Both },
        { "GET", "/admin/api/users/{id}/passkeys", Both },
        { "DELETE", "/admin/api/users/{id}/passkeys/{passkeyId}", Both },
        { "POST", "/admin/api/users", Both },
        { "PATCH", "/admin/api/users/{id}", Both },
        { "POST", "/admin/api/users/{id}/invite", Both },
        { "POST", "/admin/api/users/{id}/send-reset", Both },
        { "POST", "/admin/api/users/{id}/unlock", Both },
        { "GET", "/admin/api/messages", Both },
        { "GET", "/admin/api/events", Both },
    };

    [Fact]
    public void RouteMap_EveryOperatorRoute_HasTheRoleDecisionOfTheList()
    {
        var mapped = Fixture.Factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<OperatorRequired>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText?.TrimEnd('/')} → {e.Metadata.GetMetadata<OperatorAccess>()?.ToString() ?? "no decision"}"))
            .Order(StringComparer.Ordinal).ToList();
        var expected = Routes.Select(r => $"{r.Data.Item1} {r.Data.Item2} → {r.Data.Item3}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, mapped);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task SupportOperator_OnEachRoute_IsRefusedExactlyWhereOwnerOnly(string method, string pattern, string decision)
    {
        var (_, token) = await NewOperatorAsync(OperatorRole.Support);
        using var support = ClientWith(token);
        var path = pattern.Replace("{number:int}", "1", StringComparison.Ordinal).Replace("{id}", AnyId, StringComparison.Ordinal)
            .Replace("{passkeyId}", AnyId, StringComparison.Ordinal);

        var response = await SendAsync(support, method, path);

        if (decision == Owner)
        {
            response.AssertError(HttpStatusCode.Forbidden, "forbidden_for_role");
        }
        else
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.Status);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.Status);
        }
    }

    [Fact]
    public async Task OwnerOperator_OnOwnerRoutes_IsServed()
    {
        var (_, token) = await NewOperatorAsync(OperatorRole.Owner);
        using var owner = ClientWith(token);

        (await SendAsync(owner, "GET", "/admin/api/settings/draft")).AssertStatus(HttpStatusCode.OK);
        (await SendAsync(owner, "GET", "/admin/api/operators")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RoleChange_AppliesToTheOperatorsNextApiCall()
    {
        var (op, token) = await NewOperatorAsync(OperatorRole.Owner);
        using var target = ClientWith(token);
        using var admin = await Fixture.CreateOperatorClientAsync();
        (await SendAsync(target, "GET", "/admin/api/settings/draft")).AssertStatus(HttpStatusCode.OK);

        (await SendAsync(admin, "PUT", $"/admin/api/operators/{op.Id}/role", new { role = "support" })).AssertStatus(HttpStatusCode.OK);

        (await SendAsync(target, "GET", "/admin/api/settings/draft")).AssertError(HttpStatusCode.Forbidden, "forbidden_for_role");
        (await SendAsync(target, "GET", "/admin/api/users")).AssertStatus(HttpStatusCode.OK);
        var listed = (await SendAsync(admin, "GET", "/admin/api/operators")).Json!.AsArray().Single(o => o!["id"]!.GetValue<string>() == op.Id)!;
        Assert.Equal("Support", listed["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Removal_EndsTheOperatorsTokenAtOnce()
    {
        var (op, token) = await NewOperatorAsync(OperatorRole.Support);
        using var target = ClientWith(token);
        using var admin = await Fixture.CreateOperatorClientAsync();

        (await SendAsync(admin, "DELETE", $"/admin/api/operators/{op.Id}")).AssertStatus(HttpStatusCode.OK);

        (await SendAsync(target, "GET", "/admin/api/users")).AssertError(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AddOperator_WithARole_ListsIt_AndRefusesAnUnknownRole()
    {
        using var admin = await Fixture.CreateOperatorClientAsync();
        var email = NewEmail("support");

        var created = await SendAsync(admin, "POST", "/admin/api/operators", new { email, password = OperatorPassword, role = "Support" });

        created.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Support", created.Body!["role"]!.GetValue<string>());
        Assert.Equal(["role"], (await SendAsync(admin, "POST", "/admin/api/operators", new { email = NewEmail(), password = OperatorPassword, role = "1" })).ValidationFields());
        Assert.Equal(["role"], (await SendAsync(admin, "PUT", $"/admin/api/operators/{created.Body["id"]}/role", new { role = "Admin" })).ValidationFields());
    }
}
